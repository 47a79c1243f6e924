import { createRoute } from '@hono/zod-openapi';
import { memberRoute } from '../auth/member-route';
import { currentMember } from '../auth/middleware';
import { commonErrors, jsonResponse } from '../lib/openapi';
import { createRouter } from '../lib/router';
import { presentMember } from './present';
import { MemberSchema } from './schemas';

const getMe = createRoute({
  method: 'get',
  path: '/me',
  summary: 'The signed-in member',
  ...memberRoute('Members'),
  responses: { 200: jsonResponse('The signed-in member.', MemberSchema), ...commonErrors },
});

export const membersApi = createRouter().openapi(getMe, (c) => c.json(presentMember(currentMember(c)), 200));
