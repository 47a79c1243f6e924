/**
 * "Report" beside something a member can see: a draft, a review, a reply or a
 * member (a profile page links it with `type="member"`). It opens the small
 * report form at /reports/new, which works without JavaScript.
 */
export function ReportLink({ type, id, what }: { type: 'draft' | 'review' | 'reply' | 'member'; id: string; what: string }) {
  return (
    <a class="report-link" href={`/reports/new?type=${type}&id=${encodeURIComponent(id)}`}>
      Report<span class="visually-hidden"> {what}</span>
    </a>
  );
}
