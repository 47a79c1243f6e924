import { createRoute } from '@hono/zod-openapi';
import { memberRoute } from '../auth/member-route';
import { currentMember } from '../auth/middleware';
import { ClaimSchema } from '../claims/schemas';
import { notifierFor } from '../email/notifier';
import { commonErrors, errorResponse, IdParam, jsonBody, jsonResponse, writeErrors, bodyErrors } from '../lib/openapi';
import { createRouter } from '../lib/router';
import { blockMember, unblockMember } from './blocks';
import { followMember, unfollowMember } from './follows';
import { acceptInvitation, declineInvitation, inviteMember, listInvitations } from './invitations';
import { memberList } from './member-lists';
import { readProfile } from './profiles';
import { readReturnFavours } from './return-favours';
import {
  BlockSchema,
  CursorQuery,
  FollowSchema,
  InvitationListQuery,
  InvitationListSchema,
  InvitationSchema,
  InviteSchema,
  MemberIdParam,
  MemberListSchema,
  ProfileSchema,
  ReturnFavoursSchema,
} from './schemas';

const noSuchMember = { 404: errorResponse('No such member, or a block between you.') };

const profile = createRoute({
  ...memberRoute('Relationships'),
  operationId: 'getMemberProfile',
  method: 'get',
  path: '/members/{id}',
  summary: 'A member’s profile',
  request: { params: IdParam },
  responses: { 200: jsonResponse('The profile.', ProfileSchema), ...commonErrors, ...noSuchMember },
});

const memberWrite = (operationId: string, method: 'put' | 'delete', path: string, summary: string, schema: typeof FollowSchema | typeof BlockSchema) =>
  createRoute({
    ...memberRoute('Relationships'),
    operationId,
    method,
    path,
    summary,
    request: { params: MemberIdParam },
    responses: { 200: jsonResponse('Where you now stand with them.', schema), ...commonErrors, ...writeErrors, ...noSuchMember },
  });

const follow = memberWrite('followMember', 'put', '/me/following/{memberId}', 'Follow a writer (idempotent)', FollowSchema);
const unfollow = memberWrite('unfollowMember', 'delete', '/me/following/{memberId}', 'Stop following a writer', FollowSchema);
const block = memberWrite('blockMember', 'put', '/me/blocks/{memberId}', 'Block a member (idempotent); ends claims and invitations between you', BlockSchema);
const unblock = memberWrite('unblockMember', 'delete', '/me/blocks/{memberId}', 'Lift your block', BlockSchema);

const memberListRoute = (operationId: string, path: string, summary: string) =>
  createRoute({
    ...memberRoute('Relationships'),
    operationId,
    method: 'get',
    path,
    summary,
    request: { query: CursorQuery },
    responses: { 200: jsonResponse('A page of members, newest first.', MemberListSchema), ...commonErrors },
  });

const following = memberListRoute('listFollowing', '/me/following', 'Writers you follow');
const blocks = memberListRoute('listBlocks', '/me/blocks', 'Members you blocked');

const invite = createRoute({
  ...memberRoute('Relationships'),
  operationId: 'createInvitation',
  method: 'post',
  path: '/drafts/{id}/invitations',
  summary: 'Invite a member to review your open draft',
  description: 'Holds one slot not otherwise held for them for 48 hours, and emails them.',
  request: { params: IdParam, body: jsonBody(InviteSchema) },
  responses: {
    201: jsonResponse('The invitation.', InvitationSchema),
    ...commonErrors, ...writeErrors, ...bodyErrors,
    403: errorResponse('Not your draft.'),
    404: errorResponse('No such draft or member, or a block between you.'),
    409: errorResponse('Draft not open, no slot to hold, or they reviewed, claimed or were invited already.'),
  },
});

const invitationErrors = {
  ...commonErrors,
  ...writeErrors,
  404: errorResponse('No such invitation of yours.'),
  409: errorResponse('Declined, expired or cancelled; or you hold the most claims allowed; or no slot is free.'),
};

const accept = createRoute({
  ...memberRoute('Relationships'),
  operationId: 'acceptInvitation',
  method: 'post',
  path: '/invitations/{id}/accept',
  summary: 'Accept an invitation: a claim on the held slot',
  request: { params: IdParam },
  responses: { 201: jsonResponse('The claim (the same one if accepted before).', ClaimSchema), ...invitationErrors },
});

const decline = createRoute({
  ...memberRoute('Relationships'),
  operationId: 'declineInvitation',
  method: 'post',
  path: '/invitations/{id}/decline',
  summary: 'Decline an invitation: the slot is free again',
  request: { params: IdParam },
  responses: { 200: jsonResponse('The declined invitation.', InvitationSchema), ...invitationErrors },
});

const invitations = createRoute({
  ...memberRoute('Relationships'),
  operationId: 'listInvitations',
  method: 'get',
  path: '/me/invitations',
  summary: 'Invitations you received (or sent, with direction=sent)',
  request: { query: InvitationListQuery },
  responses: { 200: jsonResponse('A page of invitations, newest first.', InvitationListSchema), ...commonErrors },
});

const favours = createRoute({
  ...memberRoute('Relationships'),
  operationId: 'listReturnFavours',
  method: 'get',
  path: '/me/return-favours',
  summary: 'Members who reviewed your drafts, most generous first, with their open drafts you could claim',
  responses: { 200: jsonResponse('Who to return the favour to.', ReturnFavoursSchema), ...commonErrors },
});

export const relationshipsApi = createRouter()
  .openapi(profile, async (c) => c.json((await readProfile(c.env.DB, currentMember(c).id, c.req.valid('param').id, c.var.clock())).profile, 200))
  .openapi(follow, async (c) => c.json(await followMember(c.env.DB, currentMember(c), c.req.valid('param').memberId, c.var.clock()), 200))
  .openapi(unfollow, async (c) => c.json(await unfollowMember(c.env.DB, currentMember(c), c.req.valid('param').memberId), 200))
  .openapi(following, async (c) => c.json(await memberList(c.env.DB, 'following', currentMember(c).id, c.req.valid('query').cursor), 200))
  .openapi(block, async (c) => c.json(await blockMember(c.env.DB, currentMember(c), c.req.valid('param').memberId, c.var.clock()), 200))
  .openapi(unblock, async (c) => c.json(await unblockMember(c.env.DB, currentMember(c), c.req.valid('param').memberId), 200))
  .openapi(blocks, async (c) => c.json(await memberList(c.env.DB, 'blocks', currentMember(c).id, c.req.valid('query').cursor), 200))
  .openapi(invite, async (c) =>
    c.json(await inviteMember(c.env.DB, currentMember(c), c.req.valid('param').id, c.req.valid('json').memberId, c.var.clock(), notifierFor(c)), 201),
  )
  .openapi(accept, async (c) => c.json(await acceptInvitation(c.env.DB, currentMember(c), c.req.valid('param').id, c.var.clock()), 201))
  .openapi(decline, async (c) => c.json(await declineInvitation(c.env.DB, currentMember(c), c.req.valid('param').id, c.var.clock()), 200))
  .openapi(invitations, async (c) => {
    const { direction, cursor } = c.req.valid('query');
    return c.json(await listInvitations(c.env.DB, currentMember(c), direction, cursor, c.var.clock()), 200);
  })
  .openapi(favours, async (c) => c.json(await readReturnFavours(c.env.DB, currentMember(c).id, c.var.clock()), 200));
