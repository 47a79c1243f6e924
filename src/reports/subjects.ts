import { sql, type SQL } from 'drizzle-orm';
import type { ReportSubject } from '../db/schema';
import { draftVisibleTo } from '../drafts/queries';
import { reviewPartyIs } from '../reviews/queries';

/**
 * The owner of a report's subject, as a one-column SELECT (`owner_id`) that yields a row
 * only while `viewerId` can see that subject: reporting what you cannot see
 * (someone else's review, a removed reply) answers exactly as for something
 * that does not exist. Each subject's visibility is its own feature's rule.
 */
export function visibleSubjectOwner(type: ReportSubject, id: string, viewerId: string, now: number): SQL {
  switch (type) {
    case 'draft':
      return sql`SELECT d.author_id AS owner_id FROM drafts d WHERE d.id = ${id} AND ${draftVisibleTo(viewerId, now)}`;
    case 'review':
      return sql`SELECT r.reviewer_id AS owner_id FROM reviews r WHERE r.id = ${id} AND ${reviewPartyIs(viewerId)}`;
    case 'reply':
      return sql`SELECT p.author_id AS owner_id FROM replies p JOIN reviews r ON r.id = p.review_id
        WHERE p.id = ${id} AND p.removed_at IS NULL AND ${reviewPartyIs(viewerId)}`;
    case 'member':
      // Every member can see every other member's name today; profiles (and blocks) will narrow this.
      return sql`SELECT m.id AS owner_id FROM members m WHERE m.id = ${id}`;
  }
}
