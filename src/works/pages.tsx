import { Hono, type Context } from 'hono';
import { config } from '../config';
import { viewDraft } from '../drafts/drafts';
import { ReviseDraftSchema } from '../drafts/schemas';
import { notifierFor } from '../email/notifier';
import type { AppEnv } from '../env';
import { ApiError, forbidden, type FieldErrors } from '../lib/errors';
import { fieldErrors } from '../lib/validation';
import { describedBy, ErrorSummary, FieldError, formFields } from '../ui/forms';
import { genreLabel, reviewProgress } from '../ui/format';
import { Refusal } from '../ui/refusal';
import { renderPage } from '../ui/render';
import { requirePageMember } from '../ui/require-page-member';
import { reviseDraft } from './revisions';
import { CreateWorkSchema } from './schemas';
import { createWork, viewWork, type WorkView } from './works';

const statusLabel = { open: 'Open for reviews', closed: 'All reviews in', withdrawn: 'Withdrawn' } as const;
const noteLabel = (note: string) => note.replace(/-/g, ' ');

type WorkFormValues = { title: string; genre: string; synopsis: string; contentNotes: string[] };

function NewWorkPage({ values, errors }: { values: WorkFormValues; errors: FieldErrors }) {
  const labels = { title: 'work-title', genre: 'work-genre', synopsis: 'work-synopsis', contentNotes: 'work-notes' };
  return (
    <section class="form-page">
      <h1>Start a work</h1>
      <p class="lede-ui">
        A work holds a long piece in numbered parts, a novel chapter by chapter. Starting one is free; each part is posted like a draft
        and pays for its own reviews. Readers of earlier parts are told first when the next one is up.
      </p>
      <ErrorSummary errors={errors} labels={labels} />
      <form method="post" action="/works" class="draft-form" novalidate>
        <div class={errors.title ? 'field has-error' : 'field'}>
          <label for="work-title">Title</label>
          <input id="work-title" name="title" type="text" required maxlength={config.drafts.titleMaxLength} value={values.title}
            aria-invalid={errors.title ? 'true' : undefined} aria-describedby={describedBy(errors.title && 'work-title-error')} />
          <FieldError id="work-title-error" message={errors.title} />
        </div>
        <div class={errors.genre ? 'field has-error' : 'field'}>
          <label for="work-genre">Genre</label>
          <select id="work-genre" name="genre" required aria-invalid={errors.genre ? 'true' : undefined} aria-describedby={describedBy(errors.genre && 'work-genre-error')}>
            <option value="" selected={!values.genre}>
              Choose a genre
            </option>
            {config.drafts.genres.map((genre) => (
              <option value={genre} selected={values.genre === genre}>
                {genreLabel(genre)}
              </option>
            ))}
          </select>
          <FieldError id="work-genre-error" message={errors.genre} />
        </div>
        <div class={errors.synopsis ? 'field has-error' : 'field'}>
          <label for="work-synopsis">
            Synopsis <span class="optional">(optional)</span>
          </label>
          <textarea id="work-synopsis" name="synopsis" rows={5} maxlength={config.works.synopsisMaxLength}
            aria-invalid={errors.synopsis ? 'true' : undefined} aria-describedby={describedBy(errors.synopsis && 'work-synopsis-error')}>
            {values.synopsis}
          </textarea>
          <FieldError id="work-synopsis-error" message={errors.synopsis} />
        </div>
        <fieldset class="genre-grid" id="work-notes">
          <legend>
            Content notes <span class="optional">(shown before every part)</span>
          </legend>
          {config.safety.contentNotes.map((note) => (
            <label class="checkbox">
              <input type="checkbox" name={`note-${note}`} value="on" checked={values.contentNotes.includes(note)} /> {noteLabel(note)}
            </label>
          ))}
        </fieldset>
        <button type="submit">Start the work</button>
      </form>
    </section>
  );
}

function WorkPage({ work, isMine }: { work: WorkView; isMine: boolean }) {
  return (
    <article class="work-page">
      <header class="draft-head">
        <p class="crumbs">{isMine ? <a href="/dashboard">Your drafts</a> : <a href="/queue">Queue</a>} / Work</p>
        <h1>{work.title}</h1>
        <p class="draft-meta">
          <span>{genreLabel(work.genre)}</span>
          <span>by {work.author.name}</span>
          <span>{work.parts.length === 1 ? '1 part' : `${work.parts.length} parts`}</span>
        </p>
        {work.contentNotes.length ? (
          <p class="content-notes">
            <span class="label">Content notes:</span> {work.contentNotes.map(noteLabel).join(', ')}
          </p>
        ) : null}
        {work.synopsis ? <p class="synopsis">{work.synopsis}</p> : null}
      </header>
      <section aria-labelledby="contents-heading">
        <h2 id="contents-heading">Contents</h2>
        {work.parts.length ? (
          <ol class="items contents">
            {work.parts.map((part) => (
              <li class="item">
                <div class="item-main">
                  <a class="item-title" href={`/drafts/${part.id}`}>
                    Part {part.part}: {part.title}
                  </a>
                  <span class="item-meta">
                    <span class={`status status-${part.status}`}>{statusLabel[part.status]}</span>
                    {part.version > 1 ? ` · version ${part.version}` : ''}
                  </span>
                </div>
                <span class="item-figure">{reviewProgress(part.reviewsReceived, part.reviewsWanted)}</span>
              </li>
            ))}
          </ol>
        ) : (
          <p class="empty">{isMine ? 'No parts yet: post the first one to have it read.' : 'No parts posted yet.'}</p>
        )}
        {isMine ? (
          <p>
            <a class="button" href={`/drafts/new?work=${work.id}`}>
              {work.parts.length ? 'Post the next part' : 'Post the first part'}
            </a>
          </p>
        ) : null}
      </section>
    </article>
  );
}

type RevisionValues = { title: string; body: string; reviewsWanted: string; note: string; questions: string[] };

function RevisePage({ draftId, title, values, errors }: { draftId: string; title: string; values: RevisionValues; errors: FieldErrors }) {
  const labels = { body: 'revise-body', reviewsWanted: 'revise-reviews', note: 'revise-note', title: 'revise-title', questions: 'revise-question-0', credits: 'revise-body' };
  return (
    <section class="form-page">
      <h1>Revise “{title}”</h1>
      <p class="lede-ui">
        The new version is posted beside this one and pays for its own reviews. If this version is still open it is
        withdrawn, with the usual refunds; its reviews stay with it. Everyone who reviewed an earlier version is told first.
      </p>
      <ErrorSummary errors={errors} labels={labels} />
      <form method="post" action={`/drafts/${draftId}/revisions`} class="draft-form" novalidate>
        <div class={errors.title ? 'field has-error' : 'field'}>
          <label for="revise-title">Title</label>
          <input id="revise-title" name="title" type="text" maxlength={config.drafts.titleMaxLength} value={values.title}
            aria-describedby={describedBy(errors.title && 'revise-title-error')} />
          <FieldError id="revise-title-error" message={errors.title} />
        </div>
        <div class={errors.reviewsWanted ? 'field has-error' : 'field'}>
          <label for="revise-reviews">Reviews wanted</label>
          <select id="revise-reviews" name="reviewsWanted">
            {Array.from({ length: config.drafts.maxReviewsWanted }, (_, i) => i + 1).map((n) => (
              <option value={String(n)} selected={values.reviewsWanted === String(n)}>
                {n}
              </option>
            ))}
          </select>
          <FieldError id="revise-reviews-error" message={errors.reviewsWanted} />
        </div>
        <div class={errors.note ? 'field has-error' : 'field'}>
          <label for="revise-note">
            What changed, for your reviewers <span class="optional">(optional)</span>
          </label>
          <textarea id="revise-note" name="note" rows={3} maxlength={config.drafts.noteMaxLength}>
            {values.note}
          </textarea>
          <FieldError id="revise-note-error" message={errors.note} />
        </div>
        <fieldset class={errors.questions ? 'has-error' : undefined}>
          <legend>
            Questions every reviewer must answer <span class="optional">(optional, up to {config.drafts.maxQuestions})</span>
          </legend>
          <FieldError id="revise-questions-error" message={errors.questions} />
          {Array.from({ length: config.drafts.maxQuestions }, (_, i) => (
            <div class="field">
              <label for={`revise-question-${i}`}>Question {i + 1}</label>
              <input id={`revise-question-${i}`} name={`question${i}`} type="text" maxlength={config.drafts.questionMaxLength} value={values.questions[i] ?? ''} />
            </div>
          ))}
        </fieldset>
        <div class={errors.body ? 'field has-error' : 'field'}>
          <label for="revise-body">The new version</label>
          <p class="hint" id="revise-body-hint">
            It starts from the current text; a blank line starts a new paragraph.
          </p>
          <textarea id="revise-body" name="body" rows={18} class="manuscript-input" required
            aria-invalid={errors.body ? 'true' : undefined} aria-describedby={describedBy('revise-body-hint', errors.body && 'revise-body-error')}>
            {values.body}
          </textarea>
          <FieldError id="revise-body-error" message={errors.body ?? errors.credits} />
        </div>
        <button type="submit">Post the new version</button>
      </form>
    </section>
  );
}

async function showRevise(c: Context<AppEnv>, draftId: string, values: RevisionValues | null, errors: FieldErrors, status: 200 | 400 | 402 = 200) {
  const draft = await viewDraft(c.env.DB, c.var.member!, draftId, c.var.clock());
  if (!draft.isMine) throw forbidden('Only the author can revise a draft.');
  const start = values ?? {
    title: draft.title,
    body: draft.body,
    reviewsWanted: String(draft.reviewsWanted),
    note: '',
    questions: draft.questions,
  };
  return renderPage(c, `Revise: ${draft.title}`, <RevisePage draftId={draftId} title={draft.title} values={start} errors={errors} />, status);
}

/** Starting a work, its page of contents, and revising a draft: plain forms, the same rules as the API. */
export const workPages = new Hono<AppEnv>()
  .get('/works/new', requirePageMember, (c) =>
    renderPage(c, 'Start a work', <NewWorkPage values={{ title: '', genre: '', synopsis: '', contentNotes: [] }} errors={{}} />),
  )
  .post('/works', requirePageMember, async (c) => {
    const form = await formFields(c.req);
    const values = {
      title: form.title ?? '',
      genre: form.genre ?? '',
      synopsis: form.synopsis ?? '',
      contentNotes: config.safety.contentNotes.filter((note) => form[`note-${note}`] === 'on'),
    };
    const parsed = CreateWorkSchema.safeParse(values);
    if (!parsed.success) {
      const errors = fieldErrors(parsed.error);
      if (errors.genre) errors.genre = 'Choose a genre from the list.';
      return renderPage(c, 'Start a work', <NewWorkPage values={values} errors={errors} />, 400);
    }
    const work = await createWork(c.env.DB, c.var.member!, parsed.data, c.var.clock());
    return c.redirect(`/works/${work.id}`, 303);
  })
  .get('/works/:id', requirePageMember, async (c) => {
    const work = await viewWork(c.env.DB, c.req.param('id'));
    return renderPage(c, work.title, <WorkPage work={work} isMine={work.author.id === c.var.member!.id} />);
  })
  .get('/drafts/:id/revise', requirePageMember, (c) => showRevise(c, c.req.param('id'), null, {}))
  .post('/drafts/:id/revisions', requirePageMember, async (c) => {
    const draftId = c.req.param('id');
    const form = await formFields(c.req);
    const values: RevisionValues = {
      title: form.title ?? '',
      body: form.body ?? '',
      reviewsWanted: form.reviewsWanted ?? '',
      note: form.note ?? '',
      questions: Array.from({ length: config.drafts.maxQuestions }, (_, i) => form[`question${i}`] ?? ''),
    };
    const parsed = ReviseDraftSchema.safeParse({
      ...(values.title.trim() ? { title: values.title } : {}),
      body: values.body,
      reviewsWanted: Number(values.reviewsWanted),
      note: values.note,
      questions: values.questions.filter((q) => q.trim()),
    });
    if (!parsed.success) return showRevise(c, draftId, values, fieldErrors(parsed.error), 400);
    try {
      const draft = await reviseDraft(c.env.DB, c.var.member!, draftId, parsed.data, c.var.clock(), notifierFor(c));
      return c.redirect(`/drafts/${draft.id}?posted=1`, 303);
    } catch (error) {
      if (!(error instanceof ApiError) || error.status === 404 || error.status === 403) throw error;
      if (error.status === 402) return showRevise(c, draftId, values, { credits: error.message }, 402);
      const next = [{ href: `/drafts/${draftId}`, label: 'Back to the draft' }];
      return renderPage(c, 'Not revised', <Refusal title="The new version was not posted" error={error} next={next} />, error.status);
    }
  });
