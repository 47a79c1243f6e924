import { z } from '@hono/zod-openapi';
import { GenreSchema } from '../drafts/schemas';
import { INVITATION_STATUSES } from '../db/schema';

export const MemberRefSchema = z.object({ id: z.string(), name: z.string() }).openapi('MemberRef');

export const MemberIdParam = z.object({
  memberId: z.string().min(1).max(64).openapi({ param: { name: 'memberId', in: 'path' } }),
});

export const CursorQuery = z.object({ cursor: z.string().max(500).optional() }).strict();

export const OpenDraftSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    genre: GenreSchema,
    wordCount: z.number().int(),
    pays: z.number().int(),
    reviewsWanted: z.number().int(),
    reviewsReceived: z.number().int(),
    freeSlots: z.number().int().openapi({ description: 'Slots you could take now.' }),
    createdAt: z.string(),
  })
  .openapi('OpenDraft');

export const ProfileSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    bio: z.string(),
    genres: z.array(GenreSchema),
    memberSince: z.string().openapi({ format: 'date-time' }),
    stats: z.object({
      reviewsGiven: z.number().int(),
      helpfulReviews: z.number().int(),
      reviewsReceived: z.number().int(),
      draftsPosted: z.number().int(),
    }),
    openDrafts: z.array(OpenDraftSchema),
    following: z.boolean(),
    isMe: z.boolean(),
  })
  .openapi('Profile');

export const FollowSchema = z.object({ member: MemberRefSchema, following: z.boolean() }).openapi('Follow');
export const BlockSchema = z.object({ member: MemberRefSchema, blocked: z.boolean() }).openapi('Block');

/** A member someone follows or blocks, and since when. */
export const ListedMemberSchema = z.object({ member: MemberRefSchema, bio: z.string(), since: z.string() });

export const MemberListSchema = z
  .object({
    items: z.array(ListedMemberSchema),
    nextCursor: z.string().nullable(),
  })
  .openapi('MemberList');

export const InviteSchema = z
  .object({ memberId: z.string({ error: 'Say whom to invite.' }).min(1, 'Say whom to invite.').max(64) })
  .strict()
  .openapi('Invite');

export const InvitationSchema = z
  .object({
    id: z.string(),
    draftId: z.string(),
    draft: z.object({ id: z.string(), title: z.string() }),
    member: MemberRefSchema.openapi({ description: 'The invitee.' }),
    invitedBy: MemberRefSchema,
    status: z.enum(INVITATION_STATUSES),
    claimId: z.string().nullable(),
    createdAt: z.string(),
    expiresAt: z.string(),
  })
  .openapi('Invitation');

export const InvitationListQuery = z
  .object({ direction: z.enum(['received', 'sent']).default('received'), cursor: z.string().max(500).optional() })
  .strict();

export const InvitationListSchema = z
  .object({ items: z.array(InvitationSchema), nextCursor: z.string().nullable() })
  .openapi('InvitationList');

export const ReturnFavoursSchema = z
  .object({
    items: z.array(z.object({ member: MemberRefSchema, reviewsOfYours: z.number().int(), drafts: z.array(OpenDraftSchema) })),
    nextCursor: z.string().nullable(),
  })
  .openapi('ReturnFavours');
