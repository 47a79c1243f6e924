import { createRoute } from '@hono/zod-openapi';
import { currentMember, requireMember } from '../auth/middleware';
import { commonErrors, jsonResponse, memberOnly } from '../lib/openapi';
import { createRouter } from '../lib/router';
import { presentMember } from './present';
import { MemberSchema } from './schemas';

const getMe = createRoute({
  method: 'get',
  path: '/me',
  summary: 'The signed-in member',
  tags: ['Members'],
  security: memberOnly,
  middleware: [requireMember] as const,
  responses: { 200: jsonResponse('The signed-in member.', MemberSchema), ...commonErrors },
});

export const membersApi = createRouter().openapi(getMe, (c) => c.json(presentMember(currentMember(c)), 200));
