import type { Member } from '../db/schema';

/** A member as the API shows them to themselves. */
export function presentMember(member: Member) {
  return {
    id: member.id,
    email: member.email,
    name: member.name,
    createdAt: new Date(member.createdAt).toISOString(),
  };
}
