import { sql } from 'drizzle-orm';
import { statement } from '../db/statements';
import type { SignedInMember } from '../db/schema';
import { refundEndedClaims } from '../claims/claims';
import { MINT, transferStatement } from '../ledger/transfer';
import { validationFailed } from '../lib/errors';
import { newId } from '../lib/ids';
import { renderedDraft } from '../lib/markdown';

export const FORMER_MEMBER_NAME = 'A former member';

const erased = renderedDraft('');

/** Deleting needs the address typed out: a stray click or a stolen cookie alone cannot do it. */
export function confirmDeletion(member: SignedInMember, confirmEmail: string) {
  if (confirmEmail !== member.email) throw validationFailed({ confirmEmail: 'Type your email address exactly as shown to confirm.' });
}


/**
 * Deletes an account in one batch, keeping the books balanced:
 * - live claims on the member's drafts end, and every draft's escrow goes back to the mint;
 * - the member's drafts are withdrawn and their text (questions and "previously" too) erased, and so are their works' titles and synopses;
 * - slots held for them as a returning reader are released;
 * - the member's own live claims are released (refunded to authors of withdrawn drafts);
 * - the member's balance goes back to the mint;
 * - reviews and replies they wrote stay for the people they were written for, shown as by a former member;
 * - the quotes reviewers' inline comments took from those drafts are blanked;
 * - sessions, access tokens, passkeys, pending sign-in links, their email and other members' email that names them end, and the address is erased.
 */
export async function deleteAccount(d1: D1Database, member: SignedInMember, now: number) {
  const mine = sql`d.author_id = ${member.id}`;
  await d1.batch([
    statement(d1, sql`UPDATE claims SET status = 'released', ended_at = ${now}
      WHERE status = 'active' AND draft_id IN (SELECT d.id FROM drafts d WHERE ${mine})`),
    transferStatement(d1, {
      id: sql`lower(hex(randomblob(10)))`,
      from: sql`d.id`,
      to: MINT,
      amount: sql`a.balance`,
      reason: 'adjustment',
      key: sql`'adjustment:account_deleted:' || d.id`,
      now,
      draftId: sql`d.id`,
      source: sql`FROM drafts d JOIN accounts a ON a.id = d.id WHERE ${mine} AND a.balance > 0`,
    }),
    // Inline comments quote up to 500 characters of the draft: erased with it, the reviewers' own words stay.
    statement(d1, sql`UPDATE inline_comments SET quote = ''
      WHERE review_id IN (SELECT r.id FROM reviews r JOIN drafts d ON d.id = r.draft_id WHERE ${mine})`),
    // The HTML stored beside the body is the same words: erased with it (renderedDraft of nothing).
    statement(d1, sql`UPDATE drafts SET title = '[deleted]', body = '', paragraphs_html = ${erased.paragraphsHtml}, excerpt = ${erased.excerpt},
        note = NULL, previously = NULL, questions = '[]',
        status = CASE WHEN status = 'open' THEN 'withdrawn' ELSE status END,
        ended_at = coalesce(ended_at, ${now})
      WHERE author_id = ${member.id}`),
    statement(d1, sql`UPDATE works SET title = '[deleted]', synopsis = NULL, content_notes = '[]' WHERE author_id = ${member.id}`),
    // Slots held for them as a returning reader open up for everyone.
    statement(d1, sql`UPDATE slot_holds SET released_at = ${now} WHERE member_id = ${member.id} AND used_at IS NULL AND released_at IS NULL`),
    // Released claims on withdrawn drafts give their slot's credit back to that draft's author.
    refundEndedClaims(d1, sql`c.reviewer_id = ${member.id} AND c.status = 'active' AND c.expires_at > ${now}`, now),
    statement(d1, sql`UPDATE claims SET status = 'released', ended_at = ${now} WHERE reviewer_id = ${member.id} AND status = 'active'`),
    transferStatement(d1, {
      from: member.id,
      to: MINT,
      amount: sql`a.balance`,
      reason: 'adjustment',
      key: `adjustment:account_deleted:${member.id}`,
      now,
      source: sql`FROM accounts a WHERE a.id = ${member.id} AND a.balance > 0`,
    }),
    statement(d1, sql`DELETE FROM sessions WHERE member_id = ${member.id}`),
    statement(d1, sql`DELETE FROM access_tokens WHERE member_id = ${member.id}`),
    statement(d1, sql`DELETE FROM passkeys WHERE member_id = ${member.id}`),
    statement(d1, sql`DELETE FROM passkey_challenges WHERE member_id = ${member.id}`),
    statement(d1, sql`DELETE FROM login_tokens WHERE email = ${member.email}`),
    statement(d1, sql`DELETE FROM email_outbox WHERE member_id = ${member.id} OR to_address = ${member.email}`),
    // Other members' email about them (reviews, replies, ratings, digests) opens a line with their name.
    statement(d1, sql`DELETE FROM email_outbox WHERE status <> 'sending' AND kind <> 'sign_in'
      AND instr(text_body, char(10) || ${member.name} || ' ') > 0`),
    statement(d1, sql`DELETE FROM dev_mailbox WHERE "to" = ${member.email}`),
    statement(d1, sql`DELETE FROM idempotency_keys WHERE member_id = ${member.id}`),
    statement(d1, sql`UPDATE members SET email = ${`deleted-${newId()}@deleted.invalid`}, name = ${FORMER_MEMBER_NAME}, genres = '[]',
        notify_reviews = 'off', notify_activity = 0, notify_new_drafts = 0, notify_claims = 0, notify_returning = 0
      WHERE id = ${member.id}`),
  ]);
}
