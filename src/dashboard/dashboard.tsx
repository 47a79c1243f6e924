import type { ActiveClaim } from '../claims/active-claims';
import { config } from '../config';
import type { SignedInMember } from '../db/schema';
import { OwnDraftList } from '../drafts/own-drafts';
import type { DraftView } from '../drafts/present';
import type { WrittenReview } from '../reviews/written-reviews';
import { Notice } from '../ui/forms';
import { credits, plural, timeLeft } from '../ui/format';
import { When } from '../ui/when';
import type { InvitationView } from '../relationships/invitations';
import type { MemberListPage } from '../relationships/member-lists';
import type { ReturnFavours } from '../relationships/return-favours';
import { Invitations, ReturnTheFavour, WritersYouFollow } from './relationship-sections';

export type DashboardProps = {
  member: SignedInMember;
  now: number;
  drafts: { items: DraftView[]; nextCursor: string | null };
  claims: ActiveClaim[];
  reviews: { items: WrittenReview[]; nextCursor: string | null };
  following: MemberListPage;
  invitations: { received: { items: InvitationView[] }; sent: { items: InvitationView[] } };
  favours: ReturnFavours;
  /** The reviews shown are an older page, not the newest. */
  paged?: boolean;
  notice?: 'released' | 'declined' | null;
};

function Claims({ claims, now }: { claims: ActiveClaim[]; now: number }) {
  if (!claims.length) {
    return (
      <p class="empty">
        No claims in progress. <a href="/queue">Pick a draft from the queue</a>: a review pays as soon as you send it.
      </p>
    );
  }
  return (
    <ul class="items">
      {claims.map((claim) => (
        <li class="item">
          <div class="item-main">
            <a class="item-title" href={`/drafts/${claim.draftId}/review`}>
              {claim.title}
            </a>
            <span class="item-meta">
              claim ends in <strong>{timeLeft(claim.expiresAt - now)}</strong> · pays {credits(claim.pays)}
            </span>
          </div>
          <a class="button small" href={`/drafts/${claim.draftId}/review`}>
            Write the review<span class="visually-hidden">: {claim.title}</span>
          </a>
        </li>
      ))}
    </ul>
  );
}

function ratingOf(review: WrittenReview): string {
  if (review.helpful === 1) return `rated helpful (+${config.credits.helpfulBonus})`;
  if (review.helpful === 0) return 'rated not helpful';
  return 'not rated yet';
}

function Reviews({ reviews, paged }: { reviews: DashboardProps['reviews']; paged: boolean }) {
  if (!reviews.items.length && !paged) {
    return (
      <p class="empty">
        You have not reviewed anything yet. <a href="/queue">Find a draft to review</a>.
      </p>
    );
  }
  return (
    <>
      <ul class="items">
        {reviews.items.map((review) => (
          <li class="item">
            <div class="item-main">
              {review.draftStatus === 'withdrawn' ? (
                <span class="item-title">{review.title}</span>
              ) : (
                <a class="item-title" href={`/drafts/${review.draftId}#review-${review.id}`}>
                  {review.title}
                </a>
              )}
              <span class="item-meta">
                <When value={review.createdAt} /> · {ratingOf(review)}
                {review.replies ? ` · ${plural(review.replies, 'reply', 'replies')}` : ''}
                {review.draftStatus === 'withdrawn' ? ' · draft withdrawn' : ''}
              </span>
            </div>
            <span class="item-figure">earned {credits(review.paid + (review.helpful === 1 ? config.credits.helpfulBonus : 0))}</span>
          </li>
        ))}
      </ul>
      {reviews.nextCursor || paged ? (
        <p class="pager">
          {paged ? <a href="/dashboard#written-heading">Newest reviews</a> : null}
          {reviews.nextCursor ? (
            <a href={`/dashboard?reviews=${encodeURIComponent(reviews.nextCursor)}#written-heading`}>Older reviews</a>
          ) : null}
        </p>
      ) : null}
    </>
  );
}

/** Where a member stands: credits, their drafts, the reviews they owe and the ones they wrote. */
export function DashboardPage({ member, now, drafts, claims, reviews, following, invitations, favours, paged = false, notice }: DashboardProps) {
  return (
    <section class="dashboard">
      <div class="dash-head">
        <div>
          <h1>Welcome, {member.name}</h1>
          <p class="muted">You are signed in as {member.email}.</p>
        </div>
        <div class="balance-card">
          <p class="balance-figure">
            <a href="/credits">{credits(member.credits)}</a>
          </p>
          <div class="button-row">
            <a class="button" href="/queue">
              Review a draft
            </a>
            <a class="button secondary" href="/drafts/new">
              Post a draft
            </a>
            <a class="button secondary" href="/works/new">
              Start a work
            </a>
          </div>
        </div>
      </div>
      {notice === 'released' ? <Notice>Claim released. The slot is free for someone else.</Notice> : null}
      {notice === 'declined' ? <Notice>Invitation declined. The slot is free for someone else.</Notice> : null}

      <div class="dash-grid">
        <section class="dash-section" aria-labelledby="claims-heading">
          <h2 id="claims-heading">
            Reviews to write <span class="count">{claims.length} of {config.claims.maxActivePerReviewer} claims</span>
          </h2>
          <Claims claims={claims} now={now} />
        </section>

        <section class="dash-section" aria-labelledby="drafts-heading">
          <h2 id="drafts-heading">Your drafts</h2>
          {drafts.items.length ? (
            <OwnDraftList drafts={drafts.items} />
          ) : (
            <p class="empty">
              No drafts yet. <a href="/drafts/new">Post one</a>: a short draft costs {credits(config.drafts.priceBands[0]!.price)} per
              review, and you start with {credits(config.credits.welcomeGrant)}.
            </p>
          )}
          {drafts.nextCursor ? (
            <p class="pager">
              <a href="/drafts">All your drafts</a>
            </p>
          ) : null}
        </section>

        <section class="dash-section" aria-labelledby="invitations-heading">
          <h2 id="invitations-heading">Invitations for you</h2>
          <Invitations invitations={invitations.received.items} direction="received" />
        </section>

        <section class="dash-section" aria-labelledby="favours-heading">
          <h2 id="favours-heading">Return the favour</h2>
          <ReturnTheFavour favours={favours} />
        </section>

        <section class="dash-section" aria-labelledby="written-heading">
          <h2 id="written-heading">Reviews you wrote</h2>
          <Reviews reviews={reviews} paged={paged} />
        </section>

        <section class="dash-section" aria-labelledby="sent-heading">
          <h2 id="sent-heading">Invitations you sent</h2>
          <Invitations invitations={invitations.sent.items} direction="sent" />
        </section>

        <section class="dash-section" aria-labelledby="following-heading">
          <h2 id="following-heading">Writers you follow</h2>
          <WritersYouFollow following={following} />
        </section>
      </div>

      <form method="post" action="/auth/sign-out-everywhere" class="sign-out-all">
        <button type="submit" class="secondary">
          Sign out on every device
        </button>
      </form>
    </section>
  );
}
