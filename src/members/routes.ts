import { createRoute } from '@hono/zod-openapi';
import { memberRoute } from '../auth/member-route';
import { currentMember } from '../auth/middleware';
import { commonErrors, jsonBody, jsonResponse } from '../lib/openapi';
import { createRouter } from '../lib/router';
import { presentMember } from './present';
import { MemberSchema, UpdateMemberSchema } from './schemas';
import { updateMember } from './update';

const getMe = createRoute({
  ...memberRoute('Members'),
  method: 'get',
  path: '/me',
  summary: 'The signed-in member',
  responses: { 200: jsonResponse('The signed-in member.', MemberSchema), ...commonErrors },
});

const patchMe = createRoute({
  ...memberRoute('Members'),
  method: 'patch',
  path: '/me',
  summary: 'Change display name, genres and email preferences',
  request: { body: jsonBody(UpdateMemberSchema) },
  responses: { 200: jsonResponse('The updated member.', MemberSchema), ...commonErrors },
});

export const membersApi = createRouter()
  .openapi(getMe, (c) => c.json(presentMember(currentMember(c)), 200))
  .openapi(patchMe, async (c) => c.json(presentMember(await updateMember(c.env.DB, currentMember(c), c.req.valid('json'))), 200));
