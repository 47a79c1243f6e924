import { createRoute, z } from '@hono/zod-openapi';
import { clearSessionCookie } from '../auth/cookie';
import { memberRoute } from '../auth/member-route';
import { currentMember } from '../auth/middleware';
import { checkedMember } from '../auth/session-check';
import { bodyErrors, commonErrors, writeErrors, jsonBody, jsonResponse } from '../lib/openapi';
import { createRouter } from '../lib/router';
import { presentMember } from './present';
import { confirmDeletion, deleteAccount } from './delete-account';
import { exportMemberData } from './export';
import { DeleteAccountSchema, MemberExportSchema, MemberSchema, UpdateMemberSchema } from './schemas';
import { updateMember } from './update';

const getMe = createRoute({
  operationId: 'getMe',
  ...memberRoute('Members'),
  method: 'get',
  path: '/me',
  summary: 'The signed-in member',
  responses: { 200: jsonResponse('The signed-in member.', MemberSchema), ...commonErrors },
});

const patchMe = createRoute({
  operationId: 'updateMe',
  ...memberRoute('Members'),
  method: 'patch',
  path: '/me',
  summary: 'Change display name, genres, hidden content notes and email preferences',
  request: { body: jsonBody(UpdateMemberSchema) },
  responses: { 200: jsonResponse('The updated member.', MemberSchema), ...commonErrors, ...writeErrors, ...bodyErrors },
});

const exportData = createRoute({
  operationId: 'exportMyData',
  ...memberRoute('Members'),
  method: 'get',
  path: '/me/export',
  summary: 'Download everything you wrote and own',
  description:
    'Profile, drafts, reviews written and received, replies, claims, the whole ledger, whom you follow and block, and invitations sent and received, as one JSON file.',
  responses: { 200: jsonResponse('Your data.', MemberExportSchema), ...commonErrors },
});

const deleteMe = createRoute({
  operationId: 'deleteMe',
  ...memberRoute('Members'),
  method: 'delete',
  path: '/me',
  summary: 'Delete your account',
  description:
    'Confirm with your email address. Drafts are withdrawn and erased; reviews you wrote stay for their authors as by "a former member"; your balance returns to the mint.',
  request: { body: jsonBody(DeleteAccountSchema) },
  responses: { 200: jsonResponse('Deleted.', z.object({ deleted: z.literal(true) })), ...commonErrors, ...writeErrors, ...bodyErrors },
});

export const membersApi = createRouter()
  .openapi(getMe, async (c) => c.json(presentMember((await checkedMember(c))!), 200))
  .openapi(patchMe, async (c) => c.json(presentMember(await updateMember(c.env.DB, (await checkedMember(c))!, c.req.valid('json'))), 200))
  .openapi(exportData, async (c) => {
    const member = currentMember(c);
    const data = await exportMemberData(c.env.DB, member, c.var.clock());
    c.header('Content-Disposition', `attachment; filename="volley-export-${member.id}.json"`);
    return c.json(data, 200);
  })
  .openapi(deleteMe, async (c) => {
    const member = (await checkedMember(c))!;
    confirmDeletion(member, c.req.valid('json').confirmEmail);
    await deleteAccount(c.env.DB, member, c.var.clock());
    clearSessionCookie(c);
    return c.json({ deleted: true as const }, 200);
  });
