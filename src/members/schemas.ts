import { z } from '@hono/zod-openapi';
import { REVIEW_NOTICES } from '../db/schema';
import { config } from '../config';
import { duration } from '../ui/format';
import { GenreSchema } from '../drafts/schemas';
import { ContentNotesSchema } from '../content-notes/content-notes';
import { InvitationSchema, ListedMemberSchema } from '../relationships/schemas';

export const NotificationsSchema = z
  .object({
    reviews: z.enum(REVIEW_NOTICES).openapi({ description: 'Reviews of your drafts: an email each, a daily digest, or none.' }),
    activity: z.boolean().openapi({ description: 'Your review rated helpful, and replies in review threads.' }),
    newDrafts: z.boolean().openapi({ description: 'Daily digest of new drafts in your genres (needs genres).' }),
    claims: z.boolean().openapi({ description: `Reminder ${duration(config.email.claimReminderBeforeMs)} before a claim expires, and when it has.` }),
    returning: z.boolean().openapi({ description: 'A work or draft you reviewed has a new part or version (a slot is held for you).' }),
    following: z.enum(REVIEW_NOTICES).openapi({ description: 'New drafts by writers you follow: an email each, a daily digest, or none.' }),
  })
  .openapi('Notifications');

export const MemberSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string().max(config.member.nameMaxLength),
    bio: z.string().max(config.member.bioMaxLength),
    credits: z.number().int().openapi({ description: 'Your balance: always the sum of your ledger entries.' }),
    genres: z.array(GenreSchema),
    hiddenContentNotes: ContentNotesSchema.openapi({ description: 'Drafts carrying any of these stay out of your queue and digests.' }),
    notifications: NotificationsSchema,
    createdAt: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('Member');

export const UpdateMemberSchema = z
  .object({
    name: z
      .string({ error: 'Give a display name.' })
      .trim()
      .min(1, 'Give a display name.')
      .max(config.member.nameMaxLength, `Display names are at most ${config.member.nameMaxLength} characters.`)
      .optional(),
    bio: z
      .string({ error: 'Write your bio as plain text.' })
      .trim()
      .max(config.member.bioMaxLength, `A bio is at most ${config.member.bioMaxLength} characters.`)
      .optional()
      .openapi({ description: 'Plain text shown on your profile.' }),
    genres: z.array(GenreSchema).max(config.drafts.genres.length).optional(),
    hiddenContentNotes: ContentNotesSchema.optional(),
    notifications: NotificationsSchema.partial().strict().optional(),
  })
  .strict()
  .openapi('UpdateMember');

export const DeleteAccountSchema = z
  .object({ confirmEmail: z.string({ error: 'Type your email address to confirm.' }).trim().toLowerCase() })
  .strict()
  .openapi('DeleteAccount');

/** The data export: its relationship sections spelled out, the rest (profile, works, drafts, reviews, replies, claims, ledger, moderation) as they are stored. */
export const MemberExportSchema = z
  .object({
    following: z.array(ListedMemberSchema).openapi({ description: 'The members you follow.' }),
    followerCount: z.number().int().openapi({ description: 'How many members follow you (who they are is theirs to tell).' }),
    blocks: z.array(ListedMemberSchema).openapi({ description: 'The members you blocked.' }),
    invitationsSent: z.array(InvitationSchema),
    invitationsReceived: z.array(InvitationSchema),
  })
  .loose()
  .openapi('MemberExport');

export type UpdateMemberInput = z.infer<typeof UpdateMemberSchema>;
