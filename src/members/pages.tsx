import { Hono } from 'hono';
import { config } from '../config';
import type { SignedInMember } from '../db/schema';
import { clearSessionCookie } from '../auth/cookie';
import { checkedMember } from '../auth/session-check';
import type { AppEnv } from '../env';
import { ApiError } from '../lib/errors';
import { confirmDeletion, deleteAccount, FORMER_MEMBER_NAME } from './delete-account';
import { fieldErrors } from '../lib/validation';
import { renderPage } from '../ui/render';
import { requirePageMember } from '../ui/require-page-member';
import { genreLabel } from '../ui/format';
import { presentMember } from './present';
import { UpdateMemberSchema } from './schemas';
import { noteLabel } from '../content-notes/content-notes';
import { updateMember } from './update';
import { memberList, type MemberListPage } from '../relationships/member-lists';

type SettingsProps = { member: SignedInMember; blocked: MemberListPage; saved?: string; errors?: Record<string, string> };

const savedNotices: Record<string, string> = { '1': 'Saved.', blocked: 'Blocked.', unblocked: 'Unblocked.' };

function Settings({ member, blocked, saved, errors = {} }: SettingsProps) {
  const view = presentMember(member);
  const checked = (on: boolean) => (on ? { checked: true } : {});
  return (
    <section class="narrow">
      <h1>Settings</h1>
      {saved && savedNotices[saved] ? (
        <p class="notice" role="status">
          {savedNotices[saved]}
        </p>
      ) : null}
      <form method="post" action="/settings" class="card">
        <label for="name">Display name</label>
        <input id="name" name="name" value={view.name} maxlength={config.member.nameMaxLength} aria-invalid={errors.name ? 'true' : undefined} aria-describedby={errors.name ? 'name-error' : undefined} />
        {errors.name ? <p class="field-error" id="name-error">{errors.name}</p> : null}

        <label for="bio">Bio</label>
        <p class="hint" id="bio-hint">
          Plain text on your profile, up to {config.member.bioMaxLength} characters: what you write, what you read closely.
        </p>
        <textarea id="bio" name="bio" rows={4} maxlength={config.member.bioMaxLength} aria-invalid={errors.bio ? 'true' : undefined} aria-describedby={errors.bio ? 'bio-hint bio-error' : 'bio-hint'}>
          {view.bio}
        </textarea>
        {errors.bio ? <p class="field-error" id="bio-error">{errors.bio}</p> : null}

        <fieldset>
          <legend>Genres you follow</legend>
          <p class="muted">They filter your queue and the new-drafts digest.</p>
          <div class="checkbox-grid">
            {config.drafts.genres.map((genre) => (
              <label class="checkbox">
                <input type="checkbox" name="genres" value={genre} {...checked(view.genres.includes(genre))} /> {genreLabel(genre)}
              </label>
            ))}
          </div>
        </fieldset>

        <fieldset>
          <legend>Content notes to hide</legend>
          <p class="muted">Drafts carrying any note you tick stay out of your queue and your new-drafts digest.</p>
          <div class="checkbox-grid">
            {config.safety.contentNotes.map((note) => (
              <label class="checkbox">
                <input type="checkbox" name="hiddenContentNotes" value={note} {...checked(view.hiddenContentNotes.includes(note))} />{' '}
                {noteLabel(note)}
              </label>
            ))}
          </div>
        </fieldset>

        <fieldset>
          <legend>Email</legend>
          <label for="reviews">When a review of your draft arrives</label>
          <select id="reviews" name="reviews">
            <option value="each" selected={view.notifications.reviews === 'each'}>Email me each one</option>
            <option value="daily" selected={view.notifications.reviews === 'daily'}>A daily digest</option>
            <option value="off" selected={view.notifications.reviews === 'off'}>No email</option>
          </select>
          <label for="following">When a writer you follow posts a draft</label>
          <select id="following" name="following">
            <option value="each" selected={view.notifications.following === 'each'}>Email me each one</option>
            <option value="daily" selected={view.notifications.following === 'daily'}>A daily digest</option>
            <option value="off" selected={view.notifications.following === 'off'}>No email</option>
          </select>
          <label class="checkbox">
            <input type="checkbox" name="activity" value="on" {...checked(view.notifications.activity)} /> When my review is rated helpful, or someone replies
          </label>
          <label class="checkbox">
            <input type="checkbox" name="newDrafts" value="on" {...checked(view.notifications.newDrafts)} /> A daily digest of new drafts in my genres
          </label>
          <label class="checkbox">
            <input type="checkbox" name="claims" value="on" {...checked(view.notifications.claims)} /> Reminders before my claims expire
          </label>
          <label class="checkbox">
            <input type="checkbox" name="returning" value="on" {...checked(view.notifications.returning)} /> When a work or draft I reviewed has a new part or version
          </label>
        </fieldset>
        <button type="submit">Save settings</button>
      </form>

      <section class="card" aria-labelledby="passkeys">
        <h2 id="passkeys">Passkeys</h2>
        <p>Sign in with your fingerprint, face or screen lock instead of an email.</p>
        <p>
          <a href="/settings/passkeys">Manage passkeys</a>
        </p>
      </section>

      <section class="card" aria-labelledby="blocked-heading">
        <h2 id="blocked-heading">Blocked members</h2>
        {blocked.items.length ? (
          <ul class="items">
            {blocked.items.map((b) => (
              <li class="item">
                <span class="item-main">{b.member.name}</span>
                <form method="post" action={`/members/${b.member.id}/unblock`}>
                  <button type="submit" class="secondary small">
                    Unblock<span class="visually-hidden"> {b.member.name}</span>
                  </button>
                </form>
              </li>
            ))}
          </ul>
        ) : (
          <p class="empty">You have blocked nobody. A “Block” button is on every member’s profile.</p>
        )}
      </section>

      <section class="card" aria-labelledby="your-data">
        <h2 id="your-data">Your data</h2>
        <p>Everything you wrote and own — profile, drafts, reviews, replies and your whole ledger — as one JSON file.</p>
        <p>
          <a href="/api/v1/me/export" download>Download my data</a>
        </p>
        <p>
          <a href="/settings/delete">Delete my account…</a>
        </p>
      </section>

      <section class="card" aria-labelledby="api-access">
        <h2 id="api-access">API access</h2>
        <p>Scripts and integrations reach your account through the API with a personal access token.</p>
        <p>
          <a href="/settings/tokens">Manage personal access tokens</a>
        </p>
      </section>
    </section>
  );
}

function DeleteAccount({ member, error }: { member: SignedInMember; error?: string }) {
  return (
    <section class="narrow">
      <h1>Delete your account</h1>
      <p>This cannot be undone. When you delete your account:</p>
      <ul>
        <li>your drafts are withdrawn and their text is erased;</li>
        <li>reviews and replies you wrote stay for the writers they help, shown as by “{FORMER_MEMBER_NAME.toLowerCase()}”;</li>
        <li>your {member.credits} credit{member.credits === 1 ? '' : 's'} return to the exchange, and you are signed out everywhere;</li>
        <li>your email address is erased.</li>
      </ul>
      <p>
        Want a copy first? <a href="/api/v1/me/export" download>Download your data</a>.
      </p>
      <form method="post" action="/settings/delete" class="card">
        <label for="confirmEmail">Type your email address ({member.email}) to confirm</label>
        <input id="confirmEmail" name="confirmEmail" type="email" autocomplete="off" required aria-invalid={error ? 'true' : undefined} aria-describedby={error ? 'confirm-error' : undefined} />
        {error ? <p class="field-error" id="confirm-error">{error}</p> : null}
        <button type="submit" class="danger">Delete my account</button>
      </form>
    </section>
  );
}

export const settingsPages = new Hono<AppEnv>()
  .get('/settings/delete', requirePageMember, (c) => renderPage(c, 'Delete your account', <DeleteAccount member={c.var.member!} />))
  .post('/settings/delete', requirePageMember, async (c) => {
    const form = await c.req.parseBody();
    const member = (await checkedMember(c))!;
    try {
      confirmDeletion(member, String(form.confirmEmail ?? '').trim().toLowerCase());
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      return renderPage(c, 'Delete your account', <DeleteAccount member={member} error={error.fields?.confirmEmail} />, 400);
    }
    await deleteAccount(c.env.DB, member, c.var.clock());
    clearSessionCookie(c);
    // The layout shows who is signed in: nobody, from now on.
    c.set('member', null);
    return renderPage(
      c,
      'Account deleted',
      <section class="narrow">
        <h1>Your account is deleted</h1>
        <p>Thank you for the reviews you gave. Your drafts and email address are gone.</p>
      </section>,
    );
  })
  .get('/settings', requirePageMember, async (c) => {
    const blocked = await memberList(c.env.DB, 'blocks', c.var.member!.id);
    const saved = c.req.query('saved') ?? (c.req.query('blocked') ? 'blocked' : c.req.query('unblocked') ? 'unblocked' : undefined);
    return renderPage(c, 'Settings', <Settings member={c.var.member!} blocked={blocked} saved={saved} />);
  })
  .post('/settings', requirePageMember, async (c) => {
    const form = await c.req.parseBody({ all: true });
    const list = (value: unknown) => (Array.isArray(value) ? value : value === undefined ? [] : [value]);
    const parsed = UpdateMemberSchema.safeParse({
      name: form.name,
      bio: form.bio,
      genres: list(form.genres),
      hiddenContentNotes: list(form.hiddenContentNotes),
      notifications: {
        reviews: form.reviews,
        activity: form.activity === 'on',
        newDrafts: form.newDrafts === 'on',
        claims: form.claims === 'on',
        returning: form.returning === 'on',
        following: form.following,
      },
    });
    if (!parsed.success) {
      const blocked = await memberList(c.env.DB, 'blocks', c.var.member!.id);
      return renderPage(c, 'Settings', <Settings member={c.var.member!} blocked={blocked} errors={fieldErrors(parsed.error)} />, 400);
    }
    await updateMember(c.env.DB, c.var.member!, parsed.data);
    return c.redirect('/settings?saved=1', 303);
  });
