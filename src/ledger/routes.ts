import { createRoute } from '@hono/zod-openapi';
import { memberRoute } from '../auth/member-route';
import { currentMember } from '../auth/middleware';
import { commonErrors, jsonResponse } from '../lib/openapi';
import { createRouter } from '../lib/router';
import { readLedger } from './ledger';
import { LedgerPageSchema, LedgerQuery } from './schemas';

const ledger = createRoute({
  operationId: 'listLedgerEntries',
  ...memberRoute('Credits'),
  method: 'get',
  path: '/me/ledger',
  summary: 'Your ledger, newest first, with the running balance',
  request: { query: LedgerQuery },
  responses: { 200: jsonResponse('A page of entries.', LedgerPageSchema), ...commonErrors },
});

export const ledgerApi = createRouter().openapi(ledger, async (c) =>
  c.json(await readLedger(c.env.DB, currentMember(c).id, c.req.valid('query').cursor), 200),
);
