/**
 * A member's name, linked to their profile: every page names members through
 * this, so every name leads to who they are.
 *
 * @example
 * <MemberLink member={review.reviewer} />
 */
export function MemberLink({ member }: { member: { id: string; name: string } }) {
  return (
    <a class="member-link" href={`/members/${member.id}`}>
      {member.name}
    </a>
  );
}
