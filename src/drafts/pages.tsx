import { Hono, type Context } from 'hono';
import type { Child } from 'hono/jsx';
import { config, pricePerReview } from '../config';
import type { AppEnv } from '../env';
import { ApiError, type FieldErrors } from '../lib/errors';
import { countWords } from '../lib/text';
import { fieldErrors } from '../lib/validation';
import { describedBy, ErrorSummary, FieldError, formFields } from '../ui/forms';
import { credits, genreLabel, wordCount } from '../ui/format';
import { Refusal } from '../ui/refusal';
import { renderPage } from '../ui/render';
import { requirePageMember } from '../ui/require-page-member';
import { notifierFor } from '../email/notifier';
import { listOwnDrafts, postDraft, withdrawDraft } from './drafts';
import { OwnDraftList } from './own-drafts';
import { PostDraftSchema } from './schemas';

const { drafts } = config;

type DraftFormValues = { title: string; genre: string; reviewsWanted: string; note: string; body: string };

const emptyForm: DraftFormValues = { title: '', genre: '', reviewsWanted: String(drafts.minReviewsWanted), note: '', body: '' };

/** Each field's element id, so the error summary can link to it. */
const fieldIds: Record<string, string> = {
  title: 'draft-title',
  genre: 'draft-genre',
  reviewsWanted: 'draft-reviews',
  note: 'draft-note',
  body: 'draft-body',
  credits: 'draft-cost',
};

/** "412 words · costs 2 credits": the same words app.js writes as the draft is typed. */
export function costLine(words: number, reviewsWanted: number): string {
  const wanted = Number.isInteger(reviewsWanted) && reviewsWanted > 0 ? reviewsWanted : drafts.minReviewsWanted;
  return `${wordCount(words)} · costs ${credits(pricePerReview(words) * wanted)}`;
}

/** "1 credit a review up to 3,000 words, 2 up to 6,000, 3 up to 10,000." */
function priceRule(): string {
  const bands = drafts.priceBands.map((band, i) =>
    i === 0 ? `${credits(band.price)} a review up to ${band.maxWords.toLocaleString('en')} words` : `${band.price} up to ${band.maxWords.toLocaleString('en')}`,
  );
  return `${bands.join(', ')}.`;
}

function Field({ name, errors, children }: { name: keyof DraftFormValues; errors: FieldErrors; children: Child }) {
  return (
    <div class={errors[name] ? 'field has-error' : 'field'}>
      {children}
      <FieldError id={`${fieldIds[name]}-error`} message={errors[name]} />
    </div>
  );
}

function NewDraftPage({ values, errors, balance }: { values: DraftFormValues; errors: FieldErrors; balance: number }) {
  const invalid = (name: string) => (errors[name] ? 'true' : undefined);
  const errorOf = (name: string) => errors[name] && `${fieldIds[name]}-error`;
  const words = countWords(values.body);
  const short = errors.credits;
  return (
    <section class="form-page">
      <h1>Post a draft</h1>
      <p class="lede-ui">
        Reviewers are paid from what you put in escrow now; anything not used comes back if you withdraw. You have{' '}
        <strong>{credits(balance)}</strong>.
      </p>
      <ErrorSummary errors={errors} labels={fieldIds} />
      <form
        method="post"
        action="/drafts"
        class="draft-form"
        novalidate
        data-draft-form
        data-price-bands={JSON.stringify(drafts.priceBands)}
      >
        <Field name="title" errors={errors}>
          <label for="draft-title">Title</label>
          <input
            id="draft-title"
            name="title"
            type="text"
            required
            maxlength={drafts.titleMaxLength}
            value={values.title}
            aria-invalid={invalid('title')}
            aria-describedby={describedBy(errorOf('title'))}
          />
        </Field>
        <div class="field-pair">
          <Field name="genre" errors={errors}>
            <label for="draft-genre">Genre</label>
            <select id="draft-genre" name="genre" required aria-invalid={invalid('genre')} aria-describedby={describedBy(errorOf('genre'))}>
              <option value="" selected={!values.genre}>
                Choose a genre
              </option>
              {drafts.genres.map((genre) => (
                <option value={genre} selected={values.genre === genre}>
                  {genreLabel(genre)}
                </option>
              ))}
            </select>
          </Field>
          <Field name="reviewsWanted" errors={errors}>
            <label for="draft-reviews">Reviews wanted</label>
            <select
              id="draft-reviews"
              name="reviewsWanted"
              aria-invalid={invalid('reviewsWanted')}
              aria-describedby={describedBy(errorOf('reviewsWanted'))}
            >
              {Array.from({ length: drafts.maxReviewsWanted - drafts.minReviewsWanted + 1 }, (_, i) => drafts.minReviewsWanted + i).map((n) => (
                <option value={String(n)} selected={values.reviewsWanted === String(n)}>
                  {n}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <Field name="note" errors={errors}>
          <label for="draft-note">
            Note to reviewers <span class="optional">(optional)</span>
          </label>
          <p class="hint" id="draft-note-hint">
            What should they look at? Pacing, the ending, whether the argument holds…
          </p>
          <textarea
            id="draft-note"
            name="note"
            rows={3}
            maxlength={drafts.noteMaxLength}
            aria-invalid={invalid('note')}
            aria-describedby={describedBy('draft-note-hint', errorOf('note'))}
          >
            {values.note}
          </textarea>
        </Field>
        <Field name="body" errors={errors}>
          <label for="draft-body">Your draft</label>
          <p class="hint" id="draft-body-hint">
            Paste it as plain text or Markdown; a blank line starts a new paragraph, and reviewers comment paragraph by
            paragraph. Up to {drafts.maxWords.toLocaleString('en')} words.
          </p>
          <textarea
            id="draft-body"
            name="body"
            rows={18}
            class="manuscript-input"
            required
            aria-invalid={invalid('body')}
            aria-describedby={describedBy('draft-body-hint', errorOf('body'))}
          >
            {values.body}
          </textarea>
        </Field>
        <div class={short ? 'cost has-error' : 'cost'}>
          <p>
            <output id="draft-cost" for="draft-body draft-reviews" aria-live="polite">
              {words ? costLine(words, Number(values.reviewsWanted)) : 'Paste your draft to see what it costs'}
            </output>
          </p>
          <p class="hint">Price: {priceRule()}</p>
          {short ? (
            <p class="field-error" id="draft-cost-error">
              {short} <a href="/queue">Review a draft to earn credits</a>: each review pays at once.
            </p>
          ) : null}
        </div>
        <button type="submit">Post draft</button>
      </form>
    </section>
  );
}

function showNewDraft(c: Context<AppEnv>, values: DraftFormValues, errors: FieldErrors, status: 200 | 400 | 402 = 200) {
  return renderPage(c, 'Post a draft', <NewDraftPage values={values} errors={errors} balance={c.var.member!.credits} />, status);
}

function MyDraftsPage({ items, nextCursor }: Awaited<ReturnType<typeof listOwnDrafts>>) {
  return (
    <section>
      <h1>Your drafts</h1>
      {items.length ? (
        <OwnDraftList drafts={items} />
      ) : (
        <p class="empty">
          No drafts here. <a href="/drafts/new">Post a draft</a> to have it read closely.
        </p>
      )}
      {nextCursor ? (
        <p class="pager">
          <a href={`/drafts?cursor=${encodeURIComponent(nextCursor)}`}>Older drafts</a>
        </p>
      ) : null}
    </section>
  );
}

/** Posting, listing and withdrawing drafts in the browser: plain forms, the same rules as the API. */
export const draftPages = new Hono<AppEnv>()
  .get('/drafts/new', requirePageMember, (c) => showNewDraft(c, emptyForm, {}))
  .post('/drafts', requirePageMember, async (c) => {
    const form = await formFields(c.req);
    const values: DraftFormValues = {
      title: form.title ?? '',
      genre: form.genre ?? '',
      reviewsWanted: form.reviewsWanted ?? '',
      note: form.note ?? '',
      body: form.body ?? '',
    };
    const parsed = PostDraftSchema.safeParse({
      title: values.title,
      body: values.body,
      genre: values.genre,
      reviewsWanted: Number(values.reviewsWanted),
      note: values.note,
    });
    if (!parsed.success) {
      const errors = fieldErrors(parsed.error);
      // The select only offers known genres; the API's list of every slug would be noise here.
      if (errors.genre) errors.genre = 'Choose a genre from the list.';
      return showNewDraft(c, values, errors, 400);
    }
    try {
      const draft = await postDraft(c.env.DB, c.var.member!, parsed.data, c.var.clock(), notifierFor(c));
      return c.redirect(`/drafts/${draft.id}?posted=1`, 303);
    } catch (error) {
      if (error instanceof ApiError && error.status === 402) return showNewDraft(c, values, { credits: error.message }, 402);
      if (error instanceof ApiError && error.status === 400 && error.fields) return showNewDraft(c, values, error.fields, 400);
      throw error;
    }
  })
  .get('/drafts', requirePageMember, async (c) => {
    const page = await listOwnDrafts(c.env.DB, c.var.member!, c.req.query('cursor') || undefined, c.var.clock());
    return renderPage(c, 'Your drafts', <MyDraftsPage {...page} />);
  })
  .post('/drafts/:id/withdraw', requirePageMember, async (c) => {
    const id = c.req.param('id');
    try {
      await withdrawDraft(c.env.DB, c.var.member!, id, c.var.clock());
    } catch (error) {
      if (!(error instanceof ApiError) || error.status === 404) throw error;
      const next = [{ href: `/drafts/${id}`, label: 'Back to the draft' }];
      return renderPage(c, 'Not withdrawn', <Refusal title="The draft was not withdrawn" error={error} next={next} />, error.status);
    }
    return c.redirect(`/drafts/${id}?withdrawn=1`, 303);
  });
