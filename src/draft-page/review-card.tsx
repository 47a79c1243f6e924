import { config } from '../config';
import { paragraphAnchor } from '../ui/manuscript';
import { describedBy, FieldError } from '../ui/forms';
import { credits, wordCount } from '../ui/format';
import type { ReviewWithHtml } from '../reviews/queries';
import { ReportLink } from '../ui/report-link';
import { When } from '../ui/when';
import { MemberLink } from '../ui/member-link';

/** A reply typed into a review's thread that was refused, shown again with why. */
export type ReplyDraft = { reviewId: string; body: string; error: string };

export const reviewAnchor = (reviewId: string) => `review-${reviewId}`;
export const noteAnchor = (reviewId: string, position: number) => `note-${reviewId}-${position}`;

type Viewer = { id: string; isAuthor: boolean };

/** "Review 2 by Writer QX2B", or "Your review" for its reviewer. */
const reviewLabel = (review: ReviewWithHtml, number: number, viewer: Viewer) =>
  review.reviewer.id === viewer.id ? 'Your review' : `Review ${number} · ${review.reviewer.name}`;

/**
 * The inline comments of the reviews on one paragraph, for the draft's
 * margin. Each links back to its paragraph and to the review it is part of.
 */
export function MarginNotes({ reviews, paragraph, viewer }: { reviews: ReviewWithHtml[]; paragraph: number; viewer: Viewer }) {
  const notes = reviews.flatMap((review, r) =>
    review.inline.map((comment, position) => ({ review, number: r + 1, comment, position })).filter((n) => n.comment.paragraph === paragraph),
  );
  if (!notes.length) return null;
  return (
    <>
      {notes.map(({ review, number, comment, position }) => (
        <div class="note" id={noteAnchor(review.id, position)}>
          <p class="note-meta">
            <a href={`#${paragraphAnchor(paragraph)}`} title={`Back to paragraph ${paragraph + 1}`}>
              ¶ {paragraph + 1}
            </a>{' '}
            · <a href={`#${reviewAnchor(review.id)}`}>{reviewLabel(review, number, viewer)}</a>
          </p>
          <blockquote class="note-quote">{comment.quote}</blockquote>
          <div class="note-body" dangerouslySetInnerHTML={{ __html: review.html.inline[position]! }} />
        </div>
      ))}
    </>
  );
}

function Rating({ review, viewer }: { review: ReviewWithHtml; viewer: Viewer }) {
  if (!viewer.isAuthor) {
    if (review.helpful === true) {
      return (
        <p class="rating rated">
          The author marked this review helpful: you earned a {config.credits.helpfulBonus}-credit bonus.
        </p>
      );
    }
    if (review.helpful === false) return <p class="rating rated">The author marked this review not helpful.</p>;
    return <p class="rating muted">The author has not rated this review yet.</p>;
  }
  if (review.helpful !== null) {
    return (
      <p class="rating rated">
        You marked this review {review.helpful ? 'helpful' : 'not helpful'}
        {review.ratedAt ? (
          <>
            {' '}
            on <When value={review.ratedAt} />
          </>
        ) : null}
        .
      </p>
    );
  }
  const legend = `rating-legend-${review.id}`;
  return (
    <form method="post" action={`/reviews/${review.id}/rating`} class="rating-form" aria-labelledby={legend}>
      <p id={legend}>
        <strong>Was this review helpful?</strong>{' '}
        <span class="muted">
          “Helpful” gives {review.reviewer.name} a {config.credits.helpfulBonus}-credit bonus. You can rate each review once.
        </span>
      </p>
      <div class="button-row">
        <button type="submit" name="helpful" value="1">
          Helpful
        </button>
        <button type="submit" name="helpful" value="0" class="secondary">
          Not helpful
        </button>
      </div>
    </form>
  );
}

/** Opens the confirmation that says what blocking does. */
function BlockLink({ member }: { member: { id: string; name: string } }) {
  return (
    <a class="block-link" href={`/members/${member.id}/block`}>
      Block<span class="visually-hidden"> {member.name}</span>…
    </a>
  );
}

function Thread({ review, viewer, replyDraft }: { review: ReviewWithHtml; viewer: Viewer; replyDraft?: ReplyDraft }) {
  const fieldId = `reply-body-${review.id}`;
  const errorId = `${fieldId}-error`;
  const other = viewer.isAuthor ? review.reviewer.name : 'the author';
  return (
    <section class="thread" aria-label={`Conversation about ${viewer.isAuthor ? `${review.reviewer.name}’s review` : 'your review'}`}>
      <h4>Conversation</h4>
      {viewer.isAuthor ? <BlockLink member={review.reviewer} /> : null}
      {review.replies.length ? (
        <ol class="replies">
          {review.replies.map((reply, index) => (
            <li class="reply" id={`reply-${reply.id}`}>
              <p class="reply-meta">
                <strong>{reply.author.id === viewer.id ? 'You' : <MemberLink member={reply.author} />}</strong>{' '}
                <When value={reply.createdAt} time />
                {reply.author.id === viewer.id ? null : (
                  <>
                    {' '}
                    · <ReportLink type="reply" id={reply.id} what={`this reply by ${reply.author.name}`} />
                  </>
                )}
              </p>
              <div class="reply-body" dangerouslySetInnerHTML={{ __html: review.html.replies[index]! }} />
            </li>
          ))}
        </ol>
      ) : (
        <p class="muted">
          {viewer.isAuthor ? 'No replies yet. Thank the reviewer, or ask what they meant.' : 'No replies yet.'}
        </p>
      )}
      <form method="post" action={`/reviews/${review.id}/replies`} class="reply-form" novalidate>
        <label for={fieldId}>Reply to {other}</label>
        <textarea
          id={fieldId}
          name="body"
          rows={3}
          maxlength={config.reviews.replyMaxLength}
          aria-invalid={replyDraft ? 'true' : undefined}
          aria-describedby={describedBy(replyDraft && errorId)}
        >
          {replyDraft?.body ?? ''}
        </textarea>
        <FieldError id={errorId} message={replyDraft?.error} />
        <button type="submit">Send reply</button>
      </form>
    </section>
  );
}

/** One review: the overall comment, where its inline comments sit, the rating and the thread. */
export function ReviewCard({
  review,
  number,
  viewer,
  questions,
  replyDraft,
}: {
  review: ReviewWithHtml;
  number: number;
  viewer: Viewer;
  /** The draft's questions: each answer is shown under its own. */
  questions: string[];
  replyDraft?: ReplyDraft;
}) {
  return (
    <article class="review card" id={reviewAnchor(review.id)}>
      <header class="review-head">
        <h3>{reviewLabel(review, number, viewer)}</h3>
        {review.reviewer.id === viewer.id ? null : (
          <p class="review-by">
            by <MemberLink member={review.reviewer} /> · <BlockLink member={review.reviewer} />
          </p>
        )}
        <p class="muted">
          <When value={review.createdAt} /> · {wordCount(review.wordCount)} ·{' '}
          {review.reviewer.id === viewer.id ? `earned you ${credits(review.paid)}` : `paid ${credits(review.paid)}`}
          {review.reviewer.id === viewer.id ? null : (
            <>
              {' '}
              · <ReportLink type="review" id={review.id} what={`review ${number} by ${review.reviewer.name}`} />
            </>
          )}
        </p>
      </header>
      <div class="prose review-body" dangerouslySetInnerHTML={{ __html: review.html.body }} />
      {review.answers.length ? (
        <dl class="answers">
          {review.answers.map((answer, index) => (
            <>
              <dt>{questions[answer.question] ?? `Question ${answer.question + 1}`}</dt>
              <dd class="prose" dangerouslySetInnerHTML={{ __html: review.html.answers[index]! }} />
            </>
          ))}
        </dl>
      ) : null}
      {review.inline.length ? (
        <p class="inline-index">
          <span class="muted">Comments beside </span>
          {review.inline.map((comment, position) => (
            <>
              <a href={`#${noteAnchor(review.id, position)}`}>¶ {comment.paragraph + 1}</a>{' '}
            </>
          ))}
        </p>
      ) : null}
      <Rating review={review} viewer={viewer} />
      <Thread review={review} viewer={viewer} replyDraft={replyDraft?.reviewId === review.id ? replyDraft : undefined} />
    </article>
  );
}

