import { sql } from 'drizzle-orm';
import { config } from '../config';
import { claimStatements, presentClaim, tooManyClaims } from '../claims/claims';
import { hasFreeSlot, liveClaimIdOf, liveClaimsHeldBy } from '../claims/slots';
import { statement } from '../db/statements';
import type { Member } from '../db/schema';
import { notification } from '../email/notification';
import type { Notifier } from '../email/notifier';
import { enqueueEmail, memberWants } from '../email/outbox';
import { decodeCursor, paginate } from '../lib/cursor';
import { conflict, forbidden, notFound } from '../lib/errors';
import { newId } from '../lib/ids';
import { blockedBetween } from './blocked-between';
import { liveInvitation } from './invitation-holds';
import { otherMember } from './member-ref';

export type InvitationRow = {
  id: string;
  draft_id: string;
  draft_title: string;
  draft_status: string;
  inviter_id: string;
  inviter_name: string;
  invitee_id: string;
  invitee_name: string;
  status: 'pending' | 'accepted' | 'declined' | 'expired' | 'cancelled';
  claim_id: string | null;
  created_at: number;
  expires_at: number;
};

const invitationColumns = sql`i.id, i.draft_id, d.title AS draft_title, d.status AS draft_status, i.inviter_id, iv.name AS inviter_name,
  i.invitee_id, ie.name AS invitee_name, i.status, i.claim_id, i.created_at, i.expires_at`;

const invitationJoins = sql`FROM invitations i JOIN drafts d ON d.id = i.draft_id JOIN members iv ON iv.id = i.inviter_id JOIN members ie ON ie.id = i.invitee_id`;

/** A pending invitation past its expiry, or on a draft no longer open, is over already, before the cron marks it. */
function statusOf(row: InvitationRow, now: number) {
  if (row.status !== 'pending') return row.status;
  if (row.expires_at <= now) return 'expired' as const;
  return row.draft_status === 'open' ? row.status : ('cancelled' as const);
}

export function presentInvitation(row: InvitationRow, now: number) {
  return {
    id: row.id,
    draftId: row.draft_id,
    draft: { id: row.draft_id, title: row.draft_title },
    member: { id: row.invitee_id, name: row.invitee_name },
    invitedBy: { id: row.inviter_id, name: row.inviter_name },
    status: statusOf(row, now),
    claimId: row.claim_id,
    createdAt: new Date(row.created_at).toISOString(),
    expiresAt: new Date(row.expires_at).toISOString(),
  };
}

export type InvitationView = ReturnType<typeof presentInvitation>;

const selectInvitation = (d1: D1Database, id: string) => statement(d1, sql`SELECT ${invitationColumns} ${invitationJoins} WHERE i.id = ${id}`);

/**
 * The author invites a member to review an open draft: one slot is held for
 * them for 48 hours. Only a slot not otherwise held can be offered, so a draft
 * never has more pending invitations than such slots; the INSERT re-checks
 * every rule, so racing invitations and claims cannot over-commit a draft.
 */
export async function inviteMember(d1: D1Database, author: Member, draftId: string, memberId: string, now: number, notify: Notifier) {
  const [invitee, draft] = await Promise.all([
    otherMember(d1, author.id, memberId, 'invite'),
    statement(
      d1,
      sql`SELECT d.author_id, d.status, d.title, d.price_per_review,
          EXISTS (SELECT 1 FROM reviews r WHERE r.draft_id = d.id AND r.reviewer_id = ${memberId}) AS reviewed,
          ${liveClaimIdOf(memberId, sql`d.id`, now)} AS claim_id,
          EXISTS (SELECT 1 FROM invitations i WHERE i.draft_id = d.id AND i.invitee_id = ${memberId} AND ${liveInvitation(now)}) AS invited,
          (SELECT email FROM members WHERE id = ${memberId}) AS invitee_email
        FROM drafts d WHERE d.id = ${draftId} AND (d.author_id = ${author.id} OR d.status <> 'withdrawn')`,
    ).first<{ author_id: string; status: string; title: string; price_per_review: number; reviewed: number; claim_id: string | null; invited: number; invitee_email: string }>(),
  ]);
  if (!draft) throw notFound('That draft');
  if (draft.author_id !== author.id) throw forbidden('Only the draft’s author can invite reviewers to it.');
  if (draft.status !== 'open') throw conflict('draft_not_open', `This draft is ${draft.status}; only an open draft takes invitations.`);
  if (draft.reviewed) throw conflict('already_reviewed', `${invitee.name} has already reviewed this draft.`);
  if (draft.claim_id) throw conflict('already_claimed', `${invitee.name} already holds a claim on this draft.`);
  if (draft.invited) throw conflict('already_invited', `${invitee.name} already has a pending invitation to this draft.`);

  const id = newId();
  const expiresAt = now + config.relationships.invitationLifetimeMs;
  const hours = config.relationships.invitationLifetimeMs / 3_600_000;
  const email = await notification(
    notify.ctx,
    { id: invitee.id, email: draft.invitee_email, name: invitee.name },
    'invitation',
    {
      subject: `${author.name} invites you to review “${draft.title}”`,
      lines: [
        `${author.name} would like your review of their draft “${draft.title}”. A slot is held for you for ${hours} hours; a review pays ${draft.price_per_review} credit${draft.price_per_review === 1 ? '' : 's'}.`,
        'Accepting claims the slot for you; declining frees it for someone else.',
      ],
      link: { path: `/invitations/${id}`, label: 'Accept or decline' },
    },
    `invitation:${id}`,
  );
  const queued = enqueueEmail(d1, email, now, sql`EXISTS (SELECT 1 FROM invitations WHERE id = ${id}) AND ${memberWants(invitee.id, sql`notify_activity = 1`)}`);
  const [inserted, , read] = await d1.batch<InvitationRow>([
    statement(d1, sql`INSERT INTO invitations (id, draft_id, inviter_id, invitee_id, status, created_at, expires_at)
      SELECT ${id}, d.id, ${author.id}, ${invitee.id}, 'pending', ${now}, ${expiresAt} FROM drafts d
      WHERE d.id = ${draftId} AND d.author_id = ${author.id} AND d.status = 'open' AND ${hasFreeSlot(draftId, now)}
        AND NOT ${blockedBetween(author.id, invitee.id)}
        AND NOT EXISTS (SELECT 1 FROM reviews r WHERE r.draft_id = d.id AND r.reviewer_id = ${invitee.id})
        AND ${liveClaimIdOf(invitee.id, sql`d.id`, now)} IS NULL
      ON CONFLICT DO NOTHING`),
    queued.statement,
    selectInvitation(d1, id),
  ]);
  if (inserted!.meta.changes === 0) {
    throw conflict('no_free_slot', 'Every slot of this draft is reviewed, claimed or held for someone already.');
  }
  notify.queued([queued.id]);
  return presentInvitation(read!.results[0]!, now);
}

/** The invitation, for its invitee only; no block between the two; everyone else is told it does not exist. */
async function readOwnInvitation(d1: D1Database, member: Member, invitationId: string, now: number) {
  const row = await statement(
    d1,
    sql`SELECT ${invitationColumns}, ${liveClaimsHeldBy(member.id, now)} AS my_active_claims,
        ${blockedBetween(sql`i.inviter_id`, sql`i.invitee_id`)} AS blocked
      ${invitationJoins} WHERE i.id = ${invitationId} AND i.invitee_id = ${member.id}`,
  ).first<InvitationRow & { my_active_claims: number; blocked: number }>();
  if (!row || row.blocked) throw notFound('That invitation');
  return row;
}

const closedInvitation = (status: string) =>
  conflict(status === 'expired' ? 'invitation_expired' : 'invitation_closed', `This invitation is ${status} and can no longer be accepted.`);

/**
 * The invitee accepts: a claim on the held slot, under the usual limit of
 * claims. Accepting twice is one claim: a repeat (or a racing twin) answers
 * with the claim the first made.
 */
export async function acceptInvitation(d1: D1Database, member: Member, invitationId: string, now: number) {
  const invitation = await readOwnInvitation(d1, member, invitationId, now);
  const existing = async () =>
    statement(d1, sql`SELECT c.* FROM invitations i JOIN claims c ON c.id = i.claim_id WHERE i.id = ${invitationId} AND i.status = 'accepted'`).first<
      Parameters<typeof presentClaim>[0]
    >();
  if (invitation.status === 'accepted' && invitation.claim_id) {
    const claim = await existing();
    if (claim) return presentClaim(claim, now);
  }
  const status = statusOf(invitation, now);
  if (status !== 'pending') throw closedInvitation(status);
  if (invitation.my_active_claims >= config.claims.maxActivePerReviewer) throw tooManyClaims();

  const id = newId();
  const [, inserted] = await d1.batch<Parameters<typeof presentClaim>[0]>(
    claimStatements(
      d1,
      member.id,
      invitation.draft_id,
      id,
      now,
      sql`EXISTS (SELECT 1 FROM invitations i WHERE i.id = ${invitationId} AND i.invitee_id = ${member.id} AND ${liveInvitation(now)})`,
    ),
  );
  const claim = inserted?.results[0] ?? (await existing());
  if (claim) return presentClaim(claim, now);
  const after = await readOwnInvitation(d1, member, invitationId, now);
  const afterStatus = statusOf(after, now);
  if (afterStatus !== 'pending') throw closedInvitation(afterStatus);
  if (after.my_active_claims >= config.claims.maxActivePerReviewer) throw tooManyClaims();
  throw conflict('no_free_slot', 'The slot held for you is no longer free.');
}

/** The invitee declines: the slot is free again. */
export async function declineInvitation(d1: D1Database, member: Member, invitationId: string, now: number) {
  const invitation = await readOwnInvitation(d1, member, invitationId, now);
  const status = statusOf(invitation, now);
  if (status !== 'pending') throw conflict('invitation_closed', `This invitation is ${status} already.`);
  const [declined, read] = await d1.batch<InvitationRow>([
    statement(d1, sql`UPDATE invitations AS i SET status = 'declined', ended_at = ${now}
      WHERE i.id = ${invitationId} AND i.invitee_id = ${member.id} AND ${liveInvitation(now)}`),
    selectInvitation(d1, invitationId),
  ]);
  if (declined!.meta.changes === 0) throw conflict('invitation_closed', 'This invitation ended meanwhile.');
  return presentInvitation(read!.results[0]!, now);
}

export type InvitationDirection = 'received' | 'sent';

const invitationsOf = (memberId: string, direction: InvitationDirection) =>
  direction === 'received' ? sql`i.invitee_id = ${memberId}` : sql`i.inviter_id = ${memberId}`;

/** Every invitation the member received or sent, oldest first: for their data export. */
export const allInvitationsStatement = (d1: D1Database, memberId: string, direction: InvitationDirection) =>
  statement(d1, sql`SELECT ${invitationColumns} ${invitationJoins} WHERE ${invitationsOf(memberId, direction)} ORDER BY i.created_at, i.id`);

/** A page of the invitations the member received or sent, newest first, through the invitee or inviter index. */
export function invitationsStatement(d1: D1Database, memberId: string, direction: InvitationDirection, cursor?: string) {
  const after = cursor ? decodeCursor<[number, string]>(cursor, ['number', 'string']) : null;
  const mine = invitationsOf(memberId, direction);
  return statement(
    d1,
    sql`SELECT ${invitationColumns} ${invitationJoins} WHERE ${mine} ${after ? sql`AND (i.created_at, i.id) < (${after[0]}, ${after[1]})` : sql``}
      ORDER BY i.created_at DESC, i.id DESC LIMIT ${config.pagination.pageSize + 1}`,
  );
}

export function invitationsPage(rows: InvitationRow[], now: number) {
  const { items, nextCursor } = paginate(rows, config.pagination.pageSize, (r) => [r.created_at, r.id]);
  return { items: items.map((r) => presentInvitation(r, now)), nextCursor };
}

export async function listInvitations(d1: D1Database, member: Member, direction: InvitationDirection, cursor: string | undefined, now: number) {
  const { results } = await invitationsStatement(d1, member.id, direction, cursor).all<InvitationRow>();
  return invitationsPage(results, now);
}

/** The invitation for its invitee's page. */
export async function viewInvitation(d1: D1Database, member: Member, invitationId: string, now: number) {
  return presentInvitation(await readOwnInvitation(d1, member, invitationId, now), now);
}

/** Cron: pending invitations past their expiry are marked expired (their slots were free from that moment). */
export async function expireInvitations(d1: D1Database, now: number) {
  const { meta } = await statement(d1, sql`UPDATE invitations SET status = 'expired', ended_at = ${now} WHERE status = 'pending' AND expires_at <= ${now}`).run();
  return meta.changes;
}
