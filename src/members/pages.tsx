import { Hono } from 'hono';
import { config } from '../config';
import type { SignedInMember } from '../db/schema';
import type { AppEnv } from '../env';
import { fieldErrors } from '../lib/validation';
import { renderPage } from '../pages/render';
import { requirePageMember } from '../pages/routes';
import { presentMember } from './present';
import { UpdateMemberSchema } from './schemas';
import { updateMember } from './update';

type SettingsProps = { member: SignedInMember; saved?: boolean; errors?: Record<string, string> };

function Settings({ member, saved, errors = {} }: SettingsProps) {
  const view = presentMember(member);
  const checked = (on: boolean) => (on ? { checked: true } : {});
  return (
    <section class="narrow">
      <h1>Settings</h1>
      {saved ? (
        <p class="notice" role="status">
          Saved.
        </p>
      ) : null}
      <form method="post" action="/settings" class="card">
        <label for="name">Display name</label>
        <input id="name" name="name" value={view.name} maxlength={config.member.nameMaxLength} aria-invalid={errors.name ? 'true' : undefined} aria-describedby={errors.name ? 'name-error' : undefined} />
        {errors.name ? <p class="field-error" id="name-error">{errors.name}</p> : null}

        <fieldset>
          <legend>Genres you follow</legend>
          <p class="muted">They filter your queue and the new-drafts digest.</p>
          <div class="checkbox-grid">
            {config.drafts.genres.map((genre) => (
              <label class="checkbox">
                <input type="checkbox" name="genres" value={genre} {...checked(view.genres.includes(genre))} /> {genre.replace('-', ' ')}
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
          <label class="checkbox">
            <input type="checkbox" name="activity" value="on" {...checked(view.notifications.activity)} /> When my review is rated helpful, or someone replies
          </label>
          <label class="checkbox">
            <input type="checkbox" name="newDrafts" value="on" {...checked(view.notifications.newDrafts)} /> A daily digest of new drafts in my genres
          </label>
          <label class="checkbox">
            <input type="checkbox" name="claims" value="on" {...checked(view.notifications.claims)} /> Reminders before my claims expire
          </label>
        </fieldset>
        <button type="submit">Save settings</button>
      </form>
    </section>
  );
}

export const settingsPages = new Hono<AppEnv>()
  .get('/settings', requirePageMember, (c) =>
    renderPage(c, 'Settings', <Settings member={c.var.member!} saved={c.req.query('saved') === '1'} />),
  )
  .post('/settings', requirePageMember, async (c) => {
    const form = await c.req.parseBody({ all: true });
    const list = (value: unknown) => (Array.isArray(value) ? value : value === undefined ? [] : [value]);
    const parsed = UpdateMemberSchema.safeParse({
      name: form.name,
      genres: list(form.genres),
      notifications: {
        reviews: form.reviews,
        activity: form.activity === 'on',
        newDrafts: form.newDrafts === 'on',
        claims: form.claims === 'on',
      },
    });
    if (!parsed.success) {
      return renderPage(c, 'Settings', <Settings member={c.var.member!} errors={fieldErrors(parsed.error)} />, 400);
    }
    await updateMember(c.env.DB, c.var.member!, parsed.data);
    return c.redirect('/settings?saved=1', 303);
  });
