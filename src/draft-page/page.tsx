import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ActiveClaim } from '../claims/active-claims';
import type { AppEnv } from '../env';
import { ContentNotesLine } from '../ui/content-notes';
import { Notice } from '../ui/forms';
import { ReportLink } from '../ui/report-link';
import { credits, duration, plural, timeLeft } from '../ui/format';
import { renderPage } from '../ui/render';
import { When } from '../ui/when';
import type { ReviewView } from '../reviews/queries';
import { MarginNotes, ReviewCard, reviewAnchor, type ReplyDraft } from './review-card';
import { readDraftPage } from './data';
import { AuthorNote, DraftMeta, Manuscript } from '../ui/manuscript';
import type { DraftView } from '../drafts/present';
import { config } from '../config';

type Viewer = { id: string; isAuthor: boolean; credits: number };

/** Where the slots of the author's own draft stand. */
function AuthorStatus({ draft }: { draft: DraftView }) {
  const slots = draft.slots!;
  return (
    <dl class="stats">
      <div>
        <dt>Status</dt>
        <dd>{draft.status === 'open' ? 'Open for reviews' : draft.status === 'closed' ? 'All reviews in' : 'Withdrawn'}</dd>
      </div>
      <div>
        <dt>Slots</dt>
        <dd>
          {slots.reviewed} reviewed · {slots.claimed} claimed · {slots.free} free
        </dd>
      </div>
      <div>
        <dt>In escrow</dt>
        <dd>
          {credits(draft.escrow ?? 0)} <span class="muted">({draft.pricePerReview} a review)</span>
        </dd>
      </div>
    </dl>
  );
}

/** What a member who is not the author can do with this draft now. */
function ReviewerStatus({ draft, claim, reviewed, now }: { draft: DraftView; claim: ActiveClaim | null; reviewed: ReviewView | null; now: number }) {
  if (reviewed) {
    return (
      <div class="panel">
        <p>
          You reviewed this draft on <When value={reviewed.createdAt} />. <a href={`#${reviewAnchor(reviewed.id)}`}>Your review and its conversation</a>{' '}
          are below.
        </p>
      </div>
    );
  }
  if (claim) {
    return (
      <div class="panel claim-bar">
        <p>
          You are reviewing this draft: your claim ends in <strong>{timeLeft(claim.expiresAt - now)}</strong>.
        </p>
        <a class="button" href={`/drafts/${draft.id}/review`}>
          Continue your review
        </a>
      </div>
    );
  }
  if (draft.status === 'open') {
    return (
      <div class="panel claim-bar">
        <p>
          A review of this draft pays <strong>{credits(draft.pricePerReview)}</strong>. Claiming it holds a slot for you for {duration(config.claims.lifetimeMs)}.
        </p>
        <form method="post" action={`/drafts/${draft.id}/claim`}>
          <button type="submit">Review this</button>
        </form>
      </div>
    );
  }
  return (
    <div class="panel">
      <p>
        This draft has all the reviews it asked for. <a href="/queue">Find another in the queue</a>.
      </p>
    </div>
  );
}

function WithdrawDraft({ draft }: { draft: DraftView }) {
  const slots = draft.slots!;
  const refundNow = slots.free
    ? `${plural(slots.free, 'free slot')} ${slots.free === 1 ? 'refunds' : 'refund'} ${credits(slots.free * draft.pricePerReview)} now`
    : 'No slot is free, so nothing is refunded now';
  const claimedPart =
    slots.claimed === 1
      ? 'the claimed slot refunds only if its claim ends without a review'
      : `the ${slots.claimed} claimed slots refund only if their claims end without a review`;
  return (
    <details class="withdraw">
      <summary>Withdraw this draft</summary>
      <p>
        Withdrawing takes the draft out of the queue for good. {refundNow}
        {slots.claimed ? `; ${claimedPart}` : ''}. Reviews already in stay here for you.
      </p>
      <form method="post" action={`/drafts/${draft.id}/withdraw`}>
        <button type="submit" class="danger">
          Yes, withdraw “{draft.title}”
        </button>
      </form>
    </details>
  );
}

function notice(c: Context<AppEnv>, draft: DraftView, reviews: ReviewView[], viewer: Viewer) {
  const query = c.req.query();
  if (query.posted !== undefined && draft.isMine) {
    return (
      <Notice>
        Your draft is posted. {credits(draft.escrow ?? 0)} are held in escrow and pay each reviewer as their review arrives;
        we email you when feedback comes in.
      </Notice>
    );
  }
  const mine = reviews.find((r) => r.reviewer.id === viewer.id);
  if (query.sent !== undefined && mine) {
    return (
      <Notice>
        Review sent. You earned <strong>{credits(mine.paid)}</strong>: your balance is now {credits(viewer.credits)}.
      </Notice>
    );
  }
  if (query.withdrawn !== undefined && draft.status === 'withdrawn') {
    return <Notice>Draft withdrawn. Credits for its free slots are back in your balance.</Notice>;
  }
  if (query.rated !== undefined) return <Notice>Rating saved. Thank you.</Notice>;
  if (query.replied !== undefined) return <Notice>Reply sent.</Notice>;
  return null;
}

function DraftPage(props: {
  draft: DraftView;
  reviews: ReviewView[];
  claim: ActiveClaim | null;
  viewer: Viewer;
  now: number;
  notice: ReturnType<typeof notice>;
  replyDraft?: ReplyDraft;
}) {
  const { draft, reviews, viewer } = props;
  const own = reviews.find((r) => r.reviewer.id === viewer.id) ?? null;
  return (
    <article class="draft-page">
      <header class="draft-head">
        <p class="crumbs">
          {draft.isMine ? <a href="/dashboard">Your drafts</a> : <a href="/queue">Queue</a>} / {draft.isMine ? 'Your draft' : 'Draft'}
        </p>
        <h1>{draft.title}</h1>
        <DraftMeta draft={draft} />
        <ContentNotesLine notes={draft.contentNotes} />
        {draft.isMine ? null : (
          <p class="report-line">
            <ReportLink type="draft" id={draft.id} what="this draft" />
          </p>
        )}
        {props.notice}
        {draft.isMine ? (
          <AuthorStatus draft={draft} />
        ) : (
          <ReviewerStatus draft={draft} claim={props.claim} reviewed={own} now={props.now} />
        )}
        <AuthorNote note={draft.note} />
      </header>

      <section aria-label="The draft">
        <Manuscript body={draft.body} margin={(paragraph) => <MarginNotes reviews={reviews} paragraph={paragraph} viewer={viewer} />} />
      </section>

      {draft.isMine || reviews.length ? (
        <section class="reviews" aria-labelledby="reviews-heading">
          <h2 id="reviews-heading">{draft.isMine ? `Reviews (${reviews.length} of ${draft.reviewsWanted})` : 'Your review'}</h2>
          {reviews.length === 0 ? (
            <p class="empty">
              {draft.status === 'open'
                ? `No reviews yet. Reviewers have ${duration(config.claims.lifetimeMs)} from claiming a slot; we email you the moment one arrives.`
                : 'This draft was withdrawn before any review arrived.'}
            </p>
          ) : (
            reviews.map((review, i) => <ReviewCard review={review} number={i + 1} viewer={viewer} replyDraft={props.replyDraft} />)
          )}
        </section>
      ) : null}

      {draft.isMine && draft.status === 'open' ? <WithdrawDraft draft={draft} /> : null}
    </article>
  );
}

/**
 * The draft page, for whoever is looking: the author sees the slots, every
 * review beside its paragraphs, ratings and threads; a reviewer their own
 * review and thread; anyone else the text and a way to claim it.
 */
export async function showDraftPage(
  c: Context<AppEnv>,
  draftId: string,
  extras: { replyDraft?: ReplyDraft } = {},
  status: ContentfulStatusCode = 200,
) {
  const member = c.var.member!;
  const now = c.var.clock();
  const { draft, reviews, claim } = await readDraftPage(c.env.DB, member, draftId, now);
  const viewer = { id: member.id, isAuthor: draft.isMine, credits: member.credits };
  return renderPage(
    c,
    draft.title,
    <DraftPage
      draft={draft}
      reviews={reviews}
      claim={claim}
      viewer={viewer}
      now={now}
      notice={notice(c, draft, reviews, viewer)}
      replyDraft={extras.replyDraft}
    />,
    status,
  );
}
