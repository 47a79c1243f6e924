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
import type { ReviewWithHtml } from '../reviews/queries';
import { MarginNotes, ReviewCard, reviewAnchor, type ReplyDraft } from './review-card';
import { readDraftPage } from './data';
import { AuthorNote, DraftMeta, Manuscript } from '../ui/manuscript';
import type { DraftView } from '../drafts/present';
import { config } from '../config';
import type { DraftContext } from '../works/draft-context';

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
function ReviewerStatus({ draft, claim, reviewed, now }: { draft: DraftView; claim: ActiveClaim | null; reviewed: ReviewWithHtml | null; now: number }) {
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

const changeLabel = { changed: 'Changed', added: 'New' } as const;

/** Where the draft stands among its work's parts and its own versions, with links to each. */
function Place({ draft, context }: { draft: DraftView; context: DraftContext }) {
  const { previousPart, nextPart, versions } = context;
  return (
    <>
      {draft.work ? (
        <nav class="part-nav" aria-label="Parts of this work">
          <p>
            Part {draft.work.part} of <a href={`/works/${draft.work.id}`}>{draft.work.title}</a>
          </p>
          <p class="part-links">
            {previousPart ? <a href={`/drafts/${previousPart.id}`} rel="prev">← Part {previousPart.part}: {previousPart.title}</a> : null}
            {nextPart ? <a href={`/drafts/${nextPart.id}`} rel="next">Part {nextPart.part}: {nextPart.title} →</a> : null}
          </p>
        </nav>
      ) : null}
      {versions.length > 1 ? (
        <nav class="versions" aria-label="Versions of this draft">
          <span class="label">Versions:</span>{' '}
          {versions.map((v) =>
            v.id === draft.id ? (
              <strong aria-current="page">version {v.version} </strong>
            ) : (
              <>
                <a href={`/drafts/${v.id}`}>version {v.version}</a>{' '}
              </>
            ),
          )}
        </nav>
      ) : null}
      {draft.nextVersionId ? (
        <p class="notice">
          There is a newer version of this draft. <a href={`/drafts/${draft.nextVersionId}`}>Read the latest version</a>.
        </p>
      ) : null}
    </>
  );
}

/** The author's questions, which every review answers. */
function Questions({ questions }: { questions: string[] }) {
  if (!questions.length) return null;
  return (
    <div class="panel questions">
      <p class="label">The author asks every reviewer:</p>
      <ol>
        {questions.map((q) => (
          <li>{q}</li>
        ))}
      </ol>
    </div>
  );
}

/** Paragraphs of the previous version that this one dropped. */
function Removed({ context }: { context: DraftContext }) {
  const removed = context.changes?.removed ?? [];
  if (!removed.length) return null;
  return (
    <section class="removed" aria-labelledby="removed-heading">
      <h2 id="removed-heading">Removed since the previous version</h2>
      <ul>
        {removed.map((r) => (
          <li>
            <span class="muted">Was paragraph {r.index + 1}</span>
            {r.text ? <blockquote>{r.text}</blockquote> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

function notice(c: Context<AppEnv>, draft: DraftView, reviews: ReviewWithHtml[], viewer: Viewer) {
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
  context: DraftContext;
  draft: DraftView;
  /** The draft's paragraphs as stored HTML. */
  paragraphs: string[];
  reviews: ReviewWithHtml[];
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
        <Place draft={draft} context={props.context} />
        {props.notice}
        {draft.isMine ? (
          <AuthorStatus draft={draft} />
        ) : (
          <ReviewerStatus draft={draft} claim={props.claim} reviewed={own} now={props.now} />
        )}
        <AuthorNote note={draft.note} />
        <Questions questions={draft.questions} />
        {draft.isMine && !draft.nextVersionId ? (
          <p>
            <a class="button secondary" href={`/drafts/${draft.id}/revise`}>
              Revise this draft
            </a>
          </p>
        ) : null}
      </header>

      {draft.previously ? (
        <aside class="previously" aria-label="Previously">
          <p class="label">Previously</p>
          <p>{draft.previously}</p>
        </aside>
      ) : null}
      {props.context.changes ? (
        <p class="hint">Paragraphs marked “Changed” or “New” differ from the previous version.</p>
      ) : null}
      <section aria-label="The draft">
        <Manuscript
          paragraphs={props.paragraphs}
          margin={(paragraph) => {
            const change = props.context.changes?.byParagraph.get(paragraph);
            const notes = <MarginNotes reviews={reviews} paragraph={paragraph} viewer={viewer} />;
            const mark = change === 'changed' || change === 'added' ? <p class={`change-mark change-${change}`}>{changeLabel[change]}</p> : null;
            return mark || reviews.some((r) => r.inline.some((i) => i.paragraph === paragraph)) ? (
              <>
                {mark}
                {notes}
              </>
            ) : null;
          }}
        />
      </section>
      <Removed context={props.context} />

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
            reviews.map((review, i) => (
              <ReviewCard review={review} number={i + 1} viewer={viewer} questions={draft.questions} replyDraft={props.replyDraft} />
            ))
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
  const { draft, paragraphs, reviews, claim, context } = await readDraftPage(c.env.DB, member, draftId, now);
  const viewer = { id: member.id, isAuthor: draft.isMine, credits: member.credits };
  return renderPage(
    c,
    draft.title,
    <DraftPage
      context={context}
      draft={draft}
      paragraphs={paragraphs}
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
