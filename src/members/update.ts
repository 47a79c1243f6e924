import { eq } from 'drizzle-orm';
import { database } from '../db/client';
import { members, type SignedInMember } from '../db/schema';
import type { UpdateMemberInput } from './schemas';
import { notesToMask } from '../content-notes/content-notes';

/** Applies a settings change and returns the member as it now stands. */
export async function updateMember(d1: D1Database, member: SignedInMember, input: UpdateMemberInput): Promise<SignedInMember> {
  const n = input.notifications ?? {};
  const changes = {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.bio !== undefined ? { bio: input.bio } : {}),
    ...(input.genres !== undefined ? { genres: JSON.stringify([...new Set(input.genres)]) } : {}),
    ...(input.hiddenContentNotes !== undefined ? { hiddenContentNotes: notesToMask(input.hiddenContentNotes) } : {}),
    ...(n.reviews !== undefined ? { notifyReviews: n.reviews } : {}),
    ...(n.activity !== undefined ? { notifyActivity: n.activity } : {}),
    ...(n.newDrafts !== undefined ? { notifyNewDrafts: n.newDrafts } : {}),
    ...(n.claims !== undefined ? { notifyClaims: n.claims } : {}),
    ...(n.returning !== undefined ? { notifyReturning: n.returning } : {}),
    ...(n.following !== undefined ? { notifyFollowing: n.following } : {}),
  };
  if (Object.keys(changes).length === 0) return member;
  const [updated] = await database(d1).update(members).set(changes).where(eq(members.id, member.id)).returning();
  return { ...updated!, credits: member.credits };
}
