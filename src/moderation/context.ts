import { sql } from 'drizzle-orm';
import { config } from '../config';
import type { REPORT_REASONS } from '../db/schema';

/**
 * A report with its subject in context, for the moderation page and for
 * resolving: the subject's owner, the draft it belongs to (the draft itself,
 * the review's draft, the reply's review's draft), an excerpt of the subject,
 * the review a reply answers, whether it was removed, and how many members
 * reported the same subject. Moderators see removed subjects too.
 */
export const reportInContext = sql`SELECT rp.id, rp.status, rp.action_id AS actionId, rp.subject_type AS subjectType, rp.subject_id AS subjectId,
    rp.subject_member_id AS ownerId, om.name AS ownerName, om.email AS ownerEmail, om.suspended_at AS ownerSuspendedAt,
    rp.reason, rp.details, rp.created_at AS createdAt, rp.resolved_at AS resolvedAt, rm.name AS reporterName,
    coalesce(dd.id, rd.id, pd.id) AS draftId, coalesce(dd.title, rd.title, pd.title) AS draftTitle,
    rv.reviewer_id AS reviewerId, rd.price_per_review AS reviewPrice,
    substr(coalesce(dd.body, rv.body, pl.body), 1, ${config.safety.subjectExcerptLength}) AS excerpt,
    substr(pr.body, 1, ${config.safety.subjectExcerptLength}) AS threadReview,
    coalesce(dd.removed_at, rv.removed_at, pl.removed_at) AS removedAt,
    (SELECT count(*) FROM reports x WHERE x.subject_type = rp.subject_type AND x.subject_id = rp.subject_id) AS reporters,
    ma.action, ma.note, ma.created_at AS actedAt, mm.name AS moderatorName
  FROM reports rp
  JOIN members om ON om.id = rp.subject_member_id
  JOIN members rm ON rm.id = rp.reporter_id
  LEFT JOIN drafts dd ON rp.subject_type = 'draft' AND dd.id = rp.subject_id
  LEFT JOIN reviews rv ON rp.subject_type = 'review' AND rv.id = rp.subject_id
  LEFT JOIN drafts rd ON rd.id = rv.draft_id
  LEFT JOIN replies pl ON rp.subject_type = 'reply' AND pl.id = rp.subject_id
  LEFT JOIN reviews pr ON pr.id = pl.review_id
  LEFT JOIN drafts pd ON pd.id = pr.draft_id
  LEFT JOIN moderation_actions ma ON ma.id = rp.action_id
  LEFT JOIN members mm ON mm.id = ma.moderator_id`;

export type ReportInContext = {
  id: string;
  status: 'open' | 'resolved';
  actionId: string | null;
  subjectType: 'draft' | 'review' | 'reply' | 'member';
  subjectId: string;
  ownerId: string;
  ownerName: string;
  ownerEmail: string;
  ownerSuspendedAt: number | null;
  reason: (typeof REPORT_REASONS)[number];
  details: string | null;
  createdAt: number;
  resolvedAt: number | null;
  reporterName: string;
  draftId: string | null;
  draftTitle: string | null;
  reviewerId: string | null;
  reviewPrice: number | null;
  excerpt: string | null;
  threadReview: string | null;
  removedAt: number | null;
  reporters: number;
  action: 'dismiss' | 'remove' | 'suspend' | null;
  note: string | null;
  actedAt: number | null;
  moderatorName: string | null;
};

/** What the subject is, in words: "a review of “Title”". */
export function describeSubject(r: Pick<ReportInContext, 'subjectType' | 'draftTitle' | 'ownerName'>): string {
  const title = `“${r.draftTitle ?? ''}”`;
  switch (r.subjectType) {
    case 'draft':
      return `the draft ${title}`;
    case 'review':
      return `a review of ${title}`;
    case 'reply':
      return `a reply in a review thread of ${title}`;
    case 'member':
      return `the member ${r.ownerName}`;
  }
}

export function presentAdminReport(r: ReportInContext) {
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  return {
    id: r.id,
    status: r.status,
    subject: { type: r.subjectType, id: r.subjectId, description: describeSubject(r), excerpt: r.excerpt, inReplyTo: r.threadReview, removed: r.removedAt !== null },
    member: { id: r.ownerId, name: r.ownerName, suspended: r.ownerSuspendedAt !== null },
    draft: r.draftId ? { id: r.draftId, title: r.draftTitle } : null,
    reason: r.reason,
    details: r.details,
    reporter: { name: r.reporterName },
    reporters: r.reporters,
    createdAt: iso(r.createdAt)!,
    resolvedAt: iso(r.resolvedAt),
    action: r.action,
    note: r.note,
    moderator: r.moderatorName,
  };
}

export type AdminReportView = ReturnType<typeof presentAdminReport>;
