import type { SignedInMember } from '../db/schema';

/** A member as the API shows them to themselves. */
export function presentMember(member: SignedInMember) {
  return {
    id: member.id,
    email: member.email,
    name: member.name,
    credits: member.credits,
    createdAt: new Date(member.createdAt).toISOString(),
  };
}
