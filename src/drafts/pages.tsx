import { Hono, type Context } from 'hono';
import type { Child } from 'hono/jsx';
import { config, pricePerReview } from '../config';
import { checkedMember } from '../auth/session-check';
import type { AppEnv } from '../env';
import { notifierFor } from '../email/notifier';
import { ApiError, notFound, type FieldErrors } from '../lib/errors';
import { and, eq } from 'drizzle-orm';
import { database } from '../db/client';
import { works } from '../db/schema';
import { countWords } from '../lib/text';
import { fieldErrors } from '../lib/validation';
import { describedBy, ErrorSummary, FieldError, formFields } from '../ui/forms';
import { credits, genreLabel, wordCount } from '../ui/format';
import { Refusal } from '../ui/refusal';
import { renderPage } from '../ui/render';
import { requirePageMember } from '../ui/require-page-member';
import { listOwnDrafts, postDraft, withdrawDraft } from './drafts';
import { OwnDraftList } from './own-drafts';
import { PostDraftSchema } from './schemas';
import { noteLabel } from '../content-notes/content-notes';

const { drafts } = config;

type DraftFormValues = {
  title: string;
  genre: string;
  reviewsWanted: string;
  note: string;
  body: string;
  questions: string[];
  /** Set when posting the next part of a work. */
  work?: { id: string; title: string };
  previously: string;
  contentNotes: string[];
};

const emptyForm: DraftFormValues = { title: '', genre: '', reviewsWanted: String(drafts.minReviewsWanted), note: '', body: '', questions: [], previously: '', contentNotes: [] };

/** Each field's element id, so the error summary can link to it. */
const fieldIds: Record<string, string> = {
  title: 'draft-title',
  genre: 'draft-genre',
  reviewsWanted: 'draft-reviews',
  note: 'draft-note',
  contentNotes: 'draft-notes',
  body: 'draft-body',
  credits: 'draft-cost',
  questions: 'draft-question-0',
  previously: 'draft-previously',
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

function Field({ name, errors, children }: { name: string; errors: FieldErrors; children: Child }) {
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
      <h1>{values.work ? `Post the next part of “${values.work.title}”` : 'Post a draft'}</h1>
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
        {values.work ? <input type="hidden" name="workId" value={values.work.id} /> : null}
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
        <Field name="contentNotes" errors={errors}>
          <fieldset id="draft-notes">
            <legend>
              Content notes <span class="optional">(optional)</span>
            </legend>
            <p class="hint">Shown before your text, so readers who would rather not read about these can pass.</p>
            <div class="checkbox-grid">
              {config.safety.contentNotes.map((note) => (
                <label class="checkbox">
                  <input type="checkbox" name="contentNotes" value={note} checked={values.contentNotes.includes(note)} /> {noteLabel(note)}
                </label>
              ))}
            </div>
          </fieldset>
        </Field>
        <Field name="questions" errors={errors}>
          <fieldset>
            <legend>
              Questions every reviewer must answer <span class="optional">(optional, up to {drafts.maxQuestions})</span>
            </legend>
            {Array.from({ length: drafts.maxQuestions }, (_, i) => (
              <div class="field">
                <label for={`draft-question-${i}`}>Question {i + 1}</label>
                <input
                  id={`draft-question-${i}`}
                  name={`question${i}`}
                  type="text"
                  maxlength={drafts.questionMaxLength}
                  value={values.questions[i] ?? ''}
                  aria-invalid={i === 0 ? invalid('questions') : undefined}
                  aria-describedby={i === 0 ? describedBy(errorOf('questions')) : undefined}
                />
              </div>
            ))}
          </fieldset>
        </Field>
        {values.work ? (
          <Field name="previously" errors={errors}>
            <label for="draft-previously">
              Previously <span class="optional">(optional)</span>
            </label>
            <p class="hint" id="draft-previously-hint">
              The story so far, shown above this part for readers who missed the earlier ones.
            </p>
            <textarea
              id="draft-previously"
              name="previously"
              rows={4}
              maxlength={config.works.previouslyMaxLength}
              aria-invalid={invalid('previously')}
              aria-describedby={describedBy('draft-previously-hint', errorOf('previously'))}
            >
              {values.previously}
            </textarea>
          </Field>
        ) : null}
        <Field name="body" errors={errors}>
          <label for="draft-body">{values.work ? 'This part' : 'Your draft'}</label>
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

async function showNewDraft(c: Context<AppEnv>, values: DraftFormValues, errors: FieldErrors, status: 200 | 400 | 402 = 200) {
  const member = (await checkedMember(c))!;
  return renderPage(c, 'Post a draft', <NewDraftPage values={values} errors={errors} balance={member.credits} />, status);
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

/** The member's own work that a part is being posted to; anyone else's is not offered (404). */
async function ownWork(d1: D1Database, workId: string, memberId: string) {
  const [work] = await database(d1)
    .select({ id: works.id, title: works.title, genre: works.genre })
    .from(works)
    .where(and(eq(works.id, workId), eq(works.authorId, memberId)));
  if (!work) throw notFound('That work');
  return work;
}

/** Posting, listing and withdrawing drafts in the browser: plain forms, the same rules as the API. */
export const draftPages = new Hono<AppEnv>()
  .get('/drafts/new', requirePageMember, async (c) => {
    const workId = c.req.query('work');
    if (!workId) return showNewDraft(c, emptyForm, {});
    const work = await ownWork(c.env.DB, workId, c.var.member!.id);
    return showNewDraft(c, { ...emptyForm, genre: work.genre, work }, {});
  })
  .post('/drafts', requirePageMember, async (c) => {
    const form = await formFields(c.req);
    // Checkboxes repeat their name: read them as a list (the body is parsed once and cached).
    const notes = (await c.req.parseBody({ all: true })).contentNotes;
    const work = form.workId ? await ownWork(c.env.DB, form.workId, c.var.member!.id) : undefined;
    const values: DraftFormValues = {
      title: form.title ?? '',
      genre: form.genre ?? '',
      reviewsWanted: form.reviewsWanted ?? '',
      note: form.note ?? '',
      body: form.body ?? '',
      contentNotes: (Array.isArray(notes) ? notes : notes === undefined ? [] : [notes]).filter((n): n is string => typeof n === 'string'),
      questions: Array.from({ length: drafts.maxQuestions }, (_, i) => form[`question${i}`] ?? ''),
      work,
      previously: form.previously ?? '',
    };
    const parsed = PostDraftSchema.safeParse({
      title: values.title,
      body: values.body,
      genre: values.genre,
      reviewsWanted: Number(values.reviewsWanted),
      note: values.note,
      contentNotes: values.contentNotes,
      questions: values.questions.filter((q) => q.trim()),
      ...(work ? { workId: work.id, previously: values.previously } : {}),
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
