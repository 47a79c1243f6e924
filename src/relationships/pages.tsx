import { Hono, type Context } from 'hono';
import type { AppEnv } from '../env';
import { ApiError } from '../lib/errors';
import { formFields, Notice } from '../ui/forms';
import { genreLabel } from '../ui/format';
import { OpenDraftItem } from '../ui/open-draft-item';
import { MemberLink } from '../ui/member-link';
import { Refusal } from '../ui/refusal';
import { renderPage } from '../ui/render';
import { requirePageMember } from '../ui/require-page-member';
import { When } from '../ui/when';
import { notifierFor } from '../email/notifier';
import { blockMember, unblockMember } from './blocks';
import { followMember, unfollowMember } from './follows';
import { acceptInvitation, declineInvitation, inviteMember, viewInvitation, type InvitationView } from './invitations';
import { otherMember } from './member-ref';
import { ownOpenDraftsStatement, readProfile, type ProfileView } from './profiles';

const notices: Record<string, string> = {
  followed: 'You follow this writer now: their new drafts come to your email and are marked in your queue.',
  unfollowed: 'You no longer follow this writer.',
  invited: 'Invitation sent. A slot is held for them and they have been emailed.',
};

function ProfilePage({ profile, myDrafts, notice }: { profile: ProfileView; myDrafts: { id: string; title: string }[]; notice?: string }) {
  const { stats } = profile;
  return (
    <section class="narrow profile">
      {notice && notices[notice] ? <Notice>{notices[notice]}</Notice> : null}
      <h1>{profile.name}</h1>
      <p class="muted">
        Member since <When value={profile.memberSince} />
        {profile.genres.length ? ` · reads ${profile.genres.map(genreLabel).join(', ')}` : ''}
      </p>
      {profile.bio ? <p class="prose">{profile.bio}</p> : <p class="muted">{profile.isMe ? 'You have not written a bio yet.' : 'No bio yet.'}</p>}
      <dl class="stats" aria-label="What they have given and received">
        <div>
          <dt>Reviews given</dt>
          <dd>{stats.reviewsGiven}</dd>
        </div>
        <div>
          <dt>Rated helpful</dt>
          <dd>{stats.helpfulReviews}</dd>
        </div>
        <div>
          <dt>Reviews received</dt>
          <dd>{stats.reviewsReceived}</dd>
        </div>
        <div>
          <dt>Drafts posted</dt>
          <dd>{stats.draftsPosted}</dd>
        </div>
      </dl>
      {profile.isMe ? (
        <p>
          This is how other members see you. <a href="/settings#bio">Edit your bio</a>.
        </p>
      ) : (
        <div class="button-row">
          <form method="post" action={`/members/${profile.id}/${profile.following ? 'unfollow' : 'follow'}`}>
            <button type="submit" class={profile.following ? 'secondary' : undefined}>
              {profile.following ? 'Unfollow' : 'Follow'}
              <span class="visually-hidden"> {profile.name}</span>
            </button>
          </form>
          <a class="button secondary" href={`/members/${profile.id}/block`}>
            Block…
          </a>
          {/* Reports belong to the safety feature: its form takes the subject from this link. */}
          <a class="button secondary" href={`/reports/new?type=member&id=${profile.id}`}>
            Report…
          </a>
        </div>
      )}
      {!profile.isMe ? (
        <section class="card" aria-labelledby="invite-heading">
          <h2 id="invite-heading">Invite {profile.name} to review</h2>
          {myDrafts.length ? (
            <form method="post" action={`/members/${profile.id}/invite`}>
              <label for="invite-draft">One of your open drafts</label>
              <select id="invite-draft" name="draftId">
                {myDrafts.map((d) => (
                  <option value={d.id}>{d.title}</option>
                ))}
              </select>
              <p class="hint">A slot is held for them for 48 hours and they are emailed; if they do not answer, it opens to everyone.</p>
              <button type="submit">Send invitation</button>
            </form>
          ) : (
            <p class="empty">
              You have no open drafts to invite them to. <a href="/drafts/new">Post one</a>.
            </p>
          )}
        </section>
      ) : null}
      <h2>Open drafts</h2>
      {profile.openDrafts.length ? (
        <ul class="items">
          {profile.openDrafts.map((d) => (
            <OpenDraftItem draft={d} />
          ))}
        </ul>
      ) : (
        <p class="empty">No open drafts right now.</p>
      )}
    </section>
  );
}

function BlockConfirm({ member }: { member: { id: string; name: string } }) {
  return (
    <section class="narrow">
      <h1>Block {member.name}?</h1>
      <p>While one of you has blocked the other:</p>
      <ul>
        <li>neither of you sees the other’s drafts, in the queue, digests or email, nor the other’s profile;</li>
        <li>neither can claim, review, invite or reply on the other’s drafts and reviews;</li>
        <li>claims and invitations between you end now (unused credits go back as usual), and follows between you stop;</li>
        <li>reviews already written stay readable to whoever wrote them, and their reply threads close.</li>
      </ul>
      <p>{member.name} is not told. You can unblock them in Settings.</p>
      <form method="post" action={`/members/${member.id}/block`} class="button-row">
        <button type="submit" class="danger">
          Block {member.name}
        </button>
        <a class="button secondary" href={`/members/${member.id}`}>
          Cancel
        </a>
      </form>
    </section>
  );
}

function InvitationPage({ invitation }: { invitation: InvitationView }) {
  const pending = invitation.status === 'pending';
  return (
    <section class="narrow">
      <h1>Invitation to review “{invitation.draft.title}”</h1>
      <p>
        <MemberLink member={invitation.invitedBy} /> invited you to review their draft. A slot is held for you until{' '}
        <When value={invitation.expiresAt} time />.
      </p>
      {pending ? (
        <div class="button-row">
          <form method="post" action={`/invitations/${invitation.id}/accept`}>
            <button type="submit">Accept and start reviewing</button>
          </form>
          <form method="post" action={`/invitations/${invitation.id}/decline`}>
            <button type="submit" class="secondary">
              Decline
            </button>
          </form>
        </div>
      ) : (
        <p>
          This invitation is <strong>{invitation.status}</strong>.{' '}
          {invitation.status === 'accepted' ? <a href={`/drafts/${invitation.draftId}/review`}>Go to your review</a> : <a href="/queue">Find another draft in the queue</a>}
        </p>
      )}
    </section>
  );
}

const back = (c: Context<AppEnv>) => [
  { href: `/members/${c.req.param('id')}`, label: 'Back to the profile' },
  { href: '/dashboard', label: 'Your dashboard' },
];

/** A refused form action shown in the domain's words; a 404 stays the plain not-found page. */
async function refusing(c: Context<AppEnv>, title: string, action: () => Promise<Response>) {
  try {
    return await action();
  } catch (error) {
    if (!(error instanceof ApiError) || error.status === 404) throw error;
    return renderPage(c, title, <Refusal title={title} error={error} next={back(c)} />, error.status);
  }
}

export const relationshipPages = new Hono<AppEnv>()
  .get('/members/:id', requirePageMember, async (c) => {
    const member = c.var.member!;
    // The viewer's own open drafts (what they could invite this member to) ride in the profile's batch.
    const { profile, also } = await readProfile(c.env.DB, member.id, c.req.param('id'), c.var.clock(), [
      ownOpenDraftsStatement(c.env.DB, member.id),
    ]);
    const myDrafts = also[0]!.results as Array<{ id: string; title: string }>;
    return renderPage(c, profile.name, <ProfilePage profile={profile} myDrafts={myDrafts} notice={c.req.query('done')} />);
  })
  .post('/members/:id/follow', requirePageMember, (c) =>
    refusing(c, 'Not followed', async () => {
      await followMember(c.env.DB, c.var.member!, c.req.param('id'), c.var.clock());
      return c.redirect(`/members/${c.req.param('id')}?done=followed`, 303);
    }),
  )
  .post('/members/:id/unfollow', requirePageMember, (c) =>
    refusing(c, 'Not unfollowed', async () => {
      await unfollowMember(c.env.DB, c.var.member!, c.req.param('id'));
      return c.redirect(`/members/${c.req.param('id')}?done=unfollowed`, 303);
    }),
  )
  .get('/members/:id/block', requirePageMember, async (c) => {
    const other = await otherMember(c.env.DB, c.var.member!.id, c.req.param('id'), 'block');
    return renderPage(c, `Block ${other.name}`, <BlockConfirm member={other} />);
  })
  .post('/members/:id/block', requirePageMember, (c) =>
    refusing(c, 'Not blocked', async () => {
      await blockMember(c.env.DB, c.var.member!, c.req.param('id'), c.var.clock());
      return c.redirect('/settings?blocked=1#blocked-heading', 303);
    }),
  )
  .post('/members/:id/unblock', requirePageMember, (c) =>
    refusing(c, 'Not unblocked', async () => {
      await unblockMember(c.env.DB, c.var.member!, c.req.param('id'));
      return c.redirect('/settings?unblocked=1#blocked-heading', 303);
    }),
  )
  .post('/members/:id/invite', requirePageMember, (c) =>
    refusing(c, 'Not invited', async () => {
      const { draftId = '' } = await formFields(c.req);
      await inviteMember(c.env.DB, c.var.member!, draftId, c.req.param('id'), c.var.clock(), notifierFor(c));
      return c.redirect(`/members/${c.req.param('id')}?done=invited`, 303);
    }),
  )
  .get('/invitations/:id', requirePageMember, async (c) => {
    const invitation = await viewInvitation(c.env.DB, c.var.member!, c.req.param('id'), c.var.clock());
    return renderPage(c, 'Invitation', <InvitationPage invitation={invitation} />);
  })
  .post('/invitations/:id/accept', requirePageMember, (c) =>
    refusing(c, 'Not accepted', async () => {
      const claim = await acceptInvitation(c.env.DB, c.var.member!, c.req.param('id'), c.var.clock());
      return c.redirect(`/drafts/${claim.draftId}/review`, 303);
    }),
  )
  .post('/invitations/:id/decline', requirePageMember, (c) =>
    refusing(c, 'Not declined', async () => {
      await declineInvitation(c.env.DB, c.var.member!, c.req.param('id'), c.var.clock());
      return c.redirect('/dashboard?declined=1', 303);
    }),
  );

