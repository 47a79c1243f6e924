import type { SignedInMember } from '../db/schema';

export function DashboardPage({ member }: { member: SignedInMember }) {
  return (
    <section class="narrow">
      <h1>Welcome, {member.name}</h1>
      <p>You are signed in as {member.email}.</p>
      <form method="post" action="/auth/sign-out-everywhere">
        <button type="submit" class="secondary">
          Sign out on every device
        </button>
      </form>
    </section>
  );
}
