import type { Genre } from '../config';
import type { SignedInMember } from '../db/schema';
import { maskToNotes } from '../content-notes/content-notes';

/** A member as the API shows them to themselves. */
export function presentMember(member: SignedInMember) {
  return {
    id: member.id,
    email: member.email,
    name: member.name,
    credits: member.credits,
    genres: JSON.parse(member.genres) as Genre[],
    hiddenContentNotes: maskToNotes(member.hiddenContentNotes),
    notifications: {
      reviews: member.notifyReviews,
      activity: member.notifyActivity,
      newDrafts: member.notifyNewDrafts,
      claims: member.notifyClaims,
      returning: member.notifyReturning,
    },
    createdAt: new Date(member.createdAt).toISOString(),
  };
}
