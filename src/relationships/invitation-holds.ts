import { sql, type SQL } from 'drizzle-orm';

/**
 * The invitations term of the one free-slot rule (claims/slots.ts): a pending,
 * unexpired invitation holds one slot of its draft for its invitee. An
 * invitation past its expiry frees its slot at once, before the cron marks it
 * expired. `except` is the member asking: a slot held for them is theirs to take.
 */
export const liveInvitation = (now: number) => sql`i.status = 'pending' AND i.expires_at > ${now}`;

export const invitationHoldsOn = (draftId: SQL, now: number, except?: string) =>
  sql`(SELECT count(*) FROM invitations i WHERE i.draft_id = ${draftId} AND ${liveInvitation(now)}${except ? sql` AND i.invitee_id <> ${except}` : sql``})`;
