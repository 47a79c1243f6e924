import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { listActiveClaims, type ActiveClaim } from '../claims/active-claims';
import { config } from '../config';
import { AuthorNote, DraftMeta, Manuscript } from '../ui/manuscript';
import { presentDraft, type DraftView } from '../drafts/present';
import { readDraftForReviewer } from '../drafts/queries';
import { storedParagraphs } from '../lib/stored-html';
import type { AppEnv } from '../env';
import { ApiError, notFound, type FieldErrors } from '../lib/errors';
import { ownWords } from './own-words';
import { fieldErrors } from '../lib/validation';
import { describedBy, ErrorSummary, FieldError, formFields } from '../ui/forms';
import { credits, duration, timeLeft } from '../ui/format';
import { Refusal } from '../ui/refusal';
import { renderPage } from '../ui/render';
import { requirePageMember } from '../ui/require-page-member';
import { rateReview, submitReview } from './reviews';
import { notifierFor } from '../email/notifier';
import { SubmitReviewSchema } from './schemas';

/** What the reviewer typed: the overall review and a comment per paragraph (0-based, as the API). */
type ReviewFormValues = { body: string; inline: Map<number, string>; answers: Map<number, string> };

const inlineFieldId = (paragraph: number) => `inline-${paragraph}`;
const inlineKey = /^inline\[(\d{1,5})\]$/;
const answerKey = /^answer\[(\d)\]$/;

function readReviewForm(form: Record<string, string>): ReviewFormValues {
  const inline = new Map<number, string>();
  const answers = new Map<number, string>();
  for (const [key, value] of Object.entries(form)) {
    const paragraph = key.match(inlineKey)?.[1];
    if (paragraph !== undefined && value.trim()) inline.set(Number(paragraph), value);
    const question = key.match(answerKey)?.[1];
    if (question !== undefined) answers.set(Number(question), value);
  }
  return { body: form.body ?? '', inline, answers };
}

/** The API's input, inline comments in paragraph order; `order[i]` is the paragraph of `inline[i]`. */
function toReviewInput(values: ReviewFormValues) {
  const order = [...values.inline.keys()].sort((a, b) => a - b);
  const answers = [...values.answers.entries()].sort(([a], [b]) => a - b).map(([question, body]) => ({ question, body }));
  return { input: { body: values.body, inline: order.map((paragraph) => ({ paragraph, body: values.inline.get(paragraph)! })), answers }, order };
}

/** Errors keyed as the API words them (`inline.2.body`) moved onto the form's own fields. */
function formErrors(errors: FieldErrors, order: number[]): FieldErrors {
  const mapped: FieldErrors = {};
  for (const [key, message] of Object.entries(errors)) {
    const position = key.match(/^inline\.(\d+)/)?.[1];
    const paragraph = position === undefined ? undefined : order[Number(position)];
    if (paragraph !== undefined) mapped[`inline-${paragraph}`] ??= message;
    else if (key.startsWith('answers')) mapped.answers ??= message;
    else mapped[key === 'body' || key === 'inline' ? 'body' : key] ??= message;
  }
  return mapped;
}

function CommentBox({ paragraph, value, error }: { paragraph: number; value?: string; error?: string }) {
  const id = inlineFieldId(paragraph);
  return (
    <details class="comment-box" open={!!(value || error)}>
      <summary>
        Comment<span class="visually-hidden"> on paragraph {paragraph + 1}</span>
      </summary>
      <label for={id} class="visually-hidden">
        Your comment on paragraph {paragraph + 1}
      </label>
      <textarea
        id={id}
        name={`inline[${paragraph}]`}
        rows={4}
        placeholder="What a reader notices here"
        data-inline-comment
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(error && `${id}-error`)}
      >
        {value ?? ''}
      </textarea>
      <FieldError id={`${id}-error`} message={error} />
    </details>
  );
}

/** A box for each of the author's questions; every one needs an answer of at least the minimum words. */
function AnswerFields({ questions, values, error }: { questions: string[]; values: Map<number, string>; error?: string }) {
  return (
    <fieldset class={error ? 'answers has-error' : 'answers'} aria-describedby={describedBy('answers-hint', error && 'answers-error')}>
      <legend>The author’s questions</legend>
      <p class="hint" id="answers-hint">
        Answer each in at least {config.reviews.minAnswerWords} words; your answers count toward the {config.reviews.minWords}.
      </p>
      <FieldError id="answers-error" message={error} />
      {questions.map((question, i) => (
        <div class="field">
          <label for={`answer-${i}`}>{question}</label>
          <textarea id={`answer-${i}`} name={`answer[${i}]`} rows={4} required data-answer>
            {values.get(i) ?? ''}
          </textarea>
        </div>
      ))}
    </fieldset>
  );
}

function ClaimBar({ draft, claim, now }: { draft: DraftView; claim: ActiveClaim | null; now: number }) {
  if (claim) {
    return (
      <div class="panel claim-bar">
        <p>
          Your claim ends in <strong>{timeLeft(claim.expiresAt - now)}</strong>. Sending the review pays you{' '}
          <strong>{credits(claim.pays)}</strong> at once.
        </p>
        <form method="post" action={`/claims/${claim.id}/release`}>
          <button type="submit" class="secondary">
            Release claim
          </button>
        </form>
      </div>
    );
  }
  const slots = draft.status === 'open';
  return (
    <div class="panel claim-bar">
      <p>
        {slots
          ? `You do not hold a claim on this draft. Claim it to hold a slot for ${duration(config.claims.lifetimeMs)} while you write; a review pays ${credits(draft.pricePerReview)}.`
          : 'This draft is no longer open for reviews.'}
      </p>
      {slots ? (
        <form method="post" action={`/drafts/${draft.id}/claim`}>
          <button type="submit">Claim and review</button>
        </form>
      ) : (
        <a href="/queue">Find another draft in the queue</a>
      )}
    </div>
  );
}

type ReviewPageProps = {
  draft: DraftView;
  /** The draft's paragraphs as stored HTML. */
  paragraphs: string[];
  claim: ActiveClaim | null;
  now: number;
  values: ReviewFormValues;
  errors: FieldErrors;
  refusal?: string;
  showForm: boolean;
};

function ReviewPage({ draft, paragraphs, claim, now, values, errors, refusal, showForm }: ReviewPageProps) {
  const min = config.reviews.minWords;
  const words = ownWords([values.body, ...values.inline.values(), ...values.answers.values()], draft.body).count;
  const labels: Record<string, string> = { body: 'review-body', answers: 'answer-0' };
  for (const paragraph of values.inline.keys()) labels[`inline-${paragraph}`] = inlineFieldId(paragraph);
  const summaryErrors = Object.fromEntries(
    Object.entries(errors).map(([key, message]) => {
      const paragraph = key.match(/^inline-(\d+)$/)?.[1];
      return [key, paragraph === undefined ? message : `Paragraph ${Number(paragraph) + 1}: ${message}`];
    }),
  );
  return (
    <article class="review-page">
      <header class="draft-head">
        <p class="crumbs">
          <a href="/queue">Queue</a> / Writing a review
        </p>
        <h1>{draft.title}</h1>
        <DraftMeta draft={draft} />
        <ClaimBar draft={draft} claim={claim} now={now} />
        <AuthorNote note={draft.note} />
      </header>
      <ErrorSummary errors={summaryErrors} labels={labels}>
        {refusal ? <p>{refusal}</p> : null}
      </ErrorSummary>
      {showForm ? (
        <form
          method="post"
          action={`/drafts/${draft.id}/reviews`}
          class="review-form"
          novalidate
          data-review-form
          data-min-words={min}
          data-copied-run={config.reviews.copiedRunWords}
        >
          <p class="hint how-to">
            Open <strong>Comment</strong> beside any paragraph to leave a note on it (or click the paragraph). Comments are
            optional; they count toward the {min} words with your overall review.
          </p>
          <Manuscript
            paragraphs={paragraphs}
            commentable
            margin={(paragraph) => (
              <CommentBox paragraph={paragraph} value={values.inline.get(paragraph)} error={errors[`inline-${paragraph}`]} />
            )}
          />
          {draft.questions.length ? <AnswerFields questions={draft.questions} values={values.answers} error={errors.answers} /> : null}
          <div class="overall">
            <h2>Overall review</h2>
            <div class={errors.body ? 'field has-error' : 'field'}>
              <label for="review-body">Your overall review</label>
              <p class="hint" id="review-body-hint">
                What works, what does not yet, and what you would try next. Markdown works: *italics*, **bold**, &gt; quotes.
              </p>
              <textarea
                id="review-body"
                name="body"
                rows={14}
                required
                aria-invalid={errors.body ? 'true' : undefined}
                aria-describedby={describedBy('review-body-hint', 'review-words', errors.body && 'review-body-error')}
              >
                {values.body}
              </textarea>
              <FieldError id="review-body-error" message={errors.body} />
            </div>
            <p class="counter" id="review-words" aria-live="polite">
              {words
                ? `${words} of at least ${min} words of your own, overall, inline and answers together.`
                : `At least ${min} words of your own, overall, inline comments and answers together.`}
            </p>
            <p class="hint">Passages of {config.reviews.copiedRunWords} or more words copied from the draft do not count.</p>
            <button type="submit">Send review and earn {credits(claim?.pays ?? draft.pricePerReview)}</button>
          </div>
        </form>
      ) : (
        <Manuscript paragraphs={paragraphs} />
      )}
    </article>
  );
}

const emptyReview = (): ReviewFormValues => ({ body: '', inline: new Map(), answers: new Map() });

/**
 * The review page for the member about to review: the draft, its paragraphs
 * with a comment box each, the overall review. The author, and a member who
 * has reviewed it already, are sent to the draft page instead.
 */
async function showReviewPage(
  c: Context<AppEnv>,
  draftId: string,
  form: { values: ReviewFormValues; errors: FieldErrors; refusal?: string } | null,
  status: ContentfulStatusCode = 200,
) {
  const member = c.var.member!;
  const now = c.var.clock();
  const row = await readDraftForReviewer(c.env.DB, draftId, member.id, now, { paragraphs: true });
  if (!row) throw notFound('That draft');
  if (row.author_id === member.id || row.reviewed) return c.redirect(`/drafts/${draftId}`, 303);
  const claim = row.my_claim_id ? ((await listActiveClaims(c.env.DB, member.id, now)).find((x) => x.id === row.my_claim_id) ?? null) : null;
  return renderPage(
    c,
    `Review: ${row.title}`,
    <ReviewPage
      draft={presentDraft(row, member.id)}
      paragraphs={storedParagraphs(row.paragraphs_html, row.body)}
      claim={claim}
      now={now}
      values={form?.values ?? emptyReview()}
      errors={form?.errors ?? {}}
      refusal={form?.refusal}
      showForm={!!claim || !!form}
    />,
    status,
  );
}

/** Writing a review, rating one, and the thread between author and reviewer. */
export const reviewPages = new Hono<AppEnv>()
  .get('/drafts/:id/review', requirePageMember, (c) => showReviewPage(c, c.req.param('id'), null))
  .post('/drafts/:id/reviews', requirePageMember, async (c) => {
    const draftId = c.req.param('id');
    const values = readReviewForm(await formFields(c.req));
    const { input, order } = toReviewInput(values);
    const parsed = SubmitReviewSchema.safeParse(input);
    if (!parsed.success) return showReviewPage(c, draftId, { values, errors: formErrors(fieldErrors(parsed.error), order) }, 400);
    try {
      const review = await submitReview(c.env.DB, c.var.member!, draftId, parsed.data, c.var.clock(), notifierFor(c));
      return c.redirect(`/drafts/${draftId}?sent=1#review-${review.id}`, 303);
    } catch (error) {
      if (!(error instanceof ApiError) || error.status === 404) throw error;
      if (error.fields) return showReviewPage(c, draftId, { values, errors: formErrors(error.fields, order) }, error.status);
      return showReviewPage(c, draftId, { values, errors: {}, refusal: error.message }, error.status);
    }
  })
  .post('/reviews/:id/rating', requirePageMember, async (c) => {
    const form = await formFields(c.req);
    const reviewId = c.req.param('id');
    const back = [{ href: '/dashboard', label: 'Back to your dashboard' }];
    if (form.helpful !== '1' && form.helpful !== '0') {
      const error = new ApiError(400, 'validation_failed', 'Choose “Helpful” or “Not helpful”.');
      return renderPage(c, 'Not rated', <Refusal title="The review was not rated" error={error} next={back} />, 400);
    }
    try {
      const review = await rateReview(c.env.DB, c.var.member!, reviewId, form.helpful === '1', c.var.clock(), notifierFor(c));
      return c.redirect(`/drafts/${review.draftId}?rated=1#review-${review.id}`, 303);
    } catch (error) {
      if (!(error instanceof ApiError) || error.status === 404) throw error;
      return renderPage(c, 'Not rated', <Refusal title="The review was not rated" error={error} next={back} />, error.status);
    }
  });
