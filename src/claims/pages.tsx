import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { ApiError } from '../lib/errors';
import { Refusal } from '../ui/refusal';
import { renderPage } from '../ui/render';
import { requirePageMember } from '../ui/require-page-member';
import { claimSlot, releaseClaim } from './claims';

const elsewhere = [
  { href: '/queue', label: 'Find another draft in the queue' },
  { href: '/dashboard', label: 'Your claims on the dashboard' },
];

/** "Review this" and "Release claim": form posts that take or give back a slot, then go where the work is. */
export const claimPages = new Hono<AppEnv>()
  .post('/drafts/:id/claim', requirePageMember, async (c) => {
    const draftId = c.req.param('id');
    try {
      await claimSlot(c.env.DB, c.var.member!, draftId, c.var.clock());
    } catch (error) {
      if (!(error instanceof ApiError) || error.status === 404) throw error;
      // A second click on "Review this" (or a stale tab) lands on the review already under way.
      if (error.code === 'already_claimed') return c.redirect(`/drafts/${draftId}/review`, 303);
      if (error.code === 'already_reviewed') return c.redirect(`/drafts/${draftId}`, 303);
      return renderPage(c, 'Not claimed', <Refusal title="You could not claim this draft" error={error} next={elsewhere} />, error.status);
    }
    return c.redirect(`/drafts/${draftId}/review`, 303);
  })
  .post('/claims/:id/release', requirePageMember, async (c) => {
    try {
      await releaseClaim(c.env.DB, c.var.member!, c.req.param('id'), c.var.clock());
    } catch (error) {
      if (!(error instanceof ApiError) || error.status === 404) throw error;
      return renderPage(c, 'Not released', <Refusal title="The claim was not released" error={error} next={elsewhere} />, error.status);
    }
    return c.redirect('/dashboard?released=1', 303);
  });
