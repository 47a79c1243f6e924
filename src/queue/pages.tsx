import { Hono } from 'hono';
import { config, type Genre } from '../config';
import type { AppEnv } from '../env';
import { fieldErrors } from '../lib/validation';
import { ContentNotesLine } from '../ui/content-notes';
import { FieldError } from '../ui/forms';
import { credits, duration, genreLabel, reviewProgress, wordCount } from '../ui/format';
import { renderPage } from '../ui/render';
import { requirePageMember } from '../ui/require-page-member';
import { MemberLink } from '../ui/member-link';
import { readQueue } from './queue';
import { QueueQuery } from './schemas';

type QueuePage = Awaited<ReturnType<typeof readQueue>>;
type QueueItem = QueuePage['items'][number];

const queueHref = (genre: Genre | undefined, cursor?: string) => {
  const params = new URLSearchParams();
  if (genre) params.set('genre', genre);
  if (cursor) params.set('cursor', cursor);
  const query = params.toString();
  return query ? `/queue?${query}` : '/queue';
};

function GenreFilter({ genre, error }: { genre?: Genre; error?: string }) {
  return (
    <form method="get" action="/queue" class="filter" role="search" aria-label="Filter the queue">
      <label for="queue-genre">Genre</label>
      <div class="filter-row">
        <select id="queue-genre" name="genre" aria-invalid={error ? 'true' : undefined} aria-describedby={error ? 'queue-genre-error' : undefined}>
          <option value="" selected={!genre}>
            All genres
          </option>
          {config.drafts.genres.map((g) => (
            <option value={g} selected={genre === g}>
              {genreLabel(g)}
            </option>
          ))}
        </select>
        <button type="submit" class="secondary">
          Show
        </button>
      </div>
      <FieldError id="queue-genre-error" message={error} />
    </form>
  );
}

function QueueCard({ item }: { item: QueueItem }) {
  return (
    <li class="card queue-card">
      <h2>
        <a href={`/drafts/${item.id}`}>{item.title}</a>
      </h2>
      <p class="draft-meta">
        <span>{genreLabel(item.genre)}</span>
        <span>{wordCount(item.wordCount)}</span>
        <span>
          by <MemberLink member={item.author} />
        </span>
        {item.following ? <span class="following-mark">you follow them</span> : null}
      </p>
      <ContentNotesLine notes={item.contentNotes} />
      {item.note ? (
        <p class="queue-note">
          <span class="label">The author asks:</span> {item.note}
        </p>
      ) : null}
      <p class="excerpt">{item.excerpt}</p>
      <div class="queue-foot">
        <p class="figures">
          <span>{reviewProgress(item.reviewsReceived, item.reviewsWanted)}</span>
          <span>
            pays <strong>{credits(item.pays)}</strong>
          </span>
        </p>
        <form method="post" action={`/drafts/${item.id}/claim`}>
          <button type="submit">
            Review this<span class="visually-hidden">: {item.title}</span>
          </button>
        </form>
      </div>
    </li>
  );
}

function EmptyQueue({ genre, paged }: { genre?: Genre; paged: boolean }) {
  if (paged) {
    return (
      <p class="empty">
        That is the end of the queue. <a href={queueHref(genre)}>Back to the start</a>.
      </p>
    );
  }
  if (genre) {
    return (
      <p class="empty">
        Nothing in the queue for {genreLabel(genre).toLowerCase()} yet — <a href="/queue">try all genres</a>.
      </p>
    );
  }
  return (
    <p class="empty">
      Nothing in the queue right now: every open draft has its reviewers. Check back later, or{' '}
      <a href="/drafts/new">post a draft of your own</a>.
    </p>
  );
}

/** New parts and versions of writing the member reviewed, with a slot held for them: before the rest. */
function ContinueReading({ items }: { items: QueueItem[] }) {
  if (!items.length) return null;
  return (
    <section class="continue-reading" aria-labelledby="continue-heading">
      <h2 id="continue-heading">Continue reading</h2>
      <p class="hint">You reviewed what came before these; a slot on each is held for you for now.</p>
      <ol class="queue-list">
        {items.map((item) => (
          <QueueCard item={item} />
        ))}
      </ol>
    </section>
  );
}

function Queue({ page, genre, cursor, error }: { page: QueuePage; genre?: Genre; cursor?: string; error?: string }) {
  const returning = page.items.filter((item) => item.returning);
  const rest = page.items.filter((item) => !item.returning);
  return (
    <section class="queue">
      <h1>Review queue</h1>
      <p class="lede-ui">
        Drafts with the fewest reviews come first. “Review this” holds a slot for you for {duration(config.claims.lifetimeMs)}; a finished review pays
        at once.
      </p>
      <GenreFilter genre={genre} error={error} />
      <ContinueReading items={returning} />
      {returning.length && rest.length ? <h2>Everything else</h2> : null}
      {rest.length ? (
        <ol class="queue-list">
          {rest.map((item) => (
            <QueueCard item={item} />
          ))}
        </ol>
      ) : returning.length ? null : (
        <EmptyQueue genre={genre} paged={!!cursor} />
      )}
      {page.nextCursor ? (
        <p class="pager">
          <a href={queueHref(genre, page.nextCursor)}>More drafts</a>
        </p>
      ) : null}
    </section>
  );
}

/** The queue as a page: filter by genre with a plain GET form, page on with a link. */
export const queuePages = new Hono<AppEnv>().get('/queue', requirePageMember, async (c) => {
  const raw = { genre: c.req.query('genre') || undefined, cursor: c.req.query('cursor') || undefined };
  const parsed = QueueQuery.safeParse(raw);
  // A genre we do not know is explained beside the filter, and the whole queue shown instead.
  const query = parsed.success ? parsed.data : { cursor: undefined, genre: undefined };
  const error = parsed.success ? undefined : fieldErrors(parsed.error).genre;
  const page = await readQueue(c.env.DB, c.var.member!.id, query, c.var.clock());
  const title = query.genre ? `Queue: ${genreLabel(query.genre)}` : 'Review queue';
  return renderPage(c, title, <Queue page={page} genre={query.genre} cursor={query.cursor} error={error} />, error ? 400 : 200);
});
