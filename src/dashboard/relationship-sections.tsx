import type { InvitationDirection, InvitationView } from '../relationships/invitations';
import type { MemberListPage } from '../relationships/member-lists';
import type { ReturnFavours } from '../relationships/return-favours';
import { plural } from '../ui/format';
import { MemberLink } from '../ui/member-link';
import { OpenDraftItem } from '../ui/open-draft-item';
import { When } from '../ui/when';

export function WritersYouFollow({ following }: { following: MemberListPage }) {
  if (!following.items.length) {
    return <p class="empty">You follow nobody yet. Open a reviewer’s or writer’s name anywhere and choose “Follow”.</p>;
  }
  return (
    <ul class="items">
      {following.items.map((f) => (
        <li class="item">
          <div class="item-main">
            <MemberLink member={f.member} />
            {f.bio ? <span class="item-meta">{f.bio.slice(0, 140)}</span> : null}
          </div>
        </li>
      ))}
    </ul>
  );
}

function statusLine(invitation: InvitationView) {
  return invitation.status === 'pending' ? (
    <>
      held until <When value={invitation.expiresAt} time />
    </>
  ) : (
    invitation.status
  );
}

/** What differs between the two invitation lists: where an item leads, whom it names, and what an empty list says. */
const invitationLists = {
  received: {
    empty: 'No invitations yet. Reviews you write bring them: authors invite reviewers they trust.',
    href: (i: InvitationView) => `/invitations/${i.id}`,
    who: (i: InvitationView) => (
      <>
        from <MemberLink member={i.invitedBy} />
      </>
    ),
  },
  sent: {
    empty: 'You have not invited anyone. Invite a reviewer from their profile.',
    href: (i: InvitationView) => `/drafts/${i.draftId}`,
    who: (i: InvitationView) => <MemberLink member={i.member} />,
  },
};

/** The invitations the member received (each to open, and accept while pending) or sent. */
export function Invitations({ invitations, direction }: { invitations: InvitationView[]; direction: InvitationDirection }) {
  const list = invitationLists[direction];
  if (!invitations.length) return <p class="empty">{list.empty}</p>;
  return (
    <ul class="items">
      {invitations.map((i) => (
        <li class="item">
          <div class="item-main">
            <a class="item-title" href={list.href(i)}>
              {i.draft.title}
            </a>
            <span class="item-meta">
              {list.who(i)} · {statusLine(i)}
            </span>
          </div>
          {direction === 'received' && i.status === 'pending' ? (
            <form method="post" action={`/invitations/${i.id}/accept`}>
              <button type="submit" class="small">
                Accept<span class="visually-hidden">: {i.draft.title}</span>
              </button>
            </form>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

export function ReturnTheFavour({ favours }: { favours: ReturnFavours }) {
  if (!favours.items.length) return <p class="empty">Nobody has reviewed your drafts yet. When they do, they are listed here so you can return the favour.</p>;
  return (
    <ul class="items favours">
      {favours.items.map((f) => (
        <li class="item favour">
          <div class="item-main">
            <span>
              <MemberLink member={f.member} /> gave you {plural(f.reviewsOfYours, 'review')}
            </span>
            {f.drafts.length ? (
              <ul class="items">
                {f.drafts.map((d) => (
                  <OpenDraftItem draft={d} />
                ))}
              </ul>
            ) : (
              <span class="item-meta">No open draft of theirs you could claim right now.</span>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}
