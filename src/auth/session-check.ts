import type { Context } from 'hono';
import type { SignedInMember } from '../db/schema';
import type { AppEnv } from '../env';
import { ApiError } from '../lib/errors';
import { firstOf, rawOf } from '../observability/metered-d1';
import { renewal, sessionFromRow, type FoundSession } from './sessions';

/**
 * A request whose session token names a member (see sessions.ts) is not
 * looked up on a round trip of its own: the lookup rides in front of the
 * request's first D1 call, so a page or read is one call, session included.
 * The first call's results are handed over only once the session has been
 * found, so nothing is ever read out to a token that turns out to be dead:
 * the request fails with `SessionEnded` instead. Only reads ride: a first call
 * that writes waits for the lookup on its own call (a write's one read), so no
 * write runs for a member before their session is proven.
 *
 * Until the check, `c.var.member` is the member the token claims: its `id`
 * can build statements; any other field throws, since it is not known yet
 * (await `checkedMember(c)` for those).
 */

/** The session the token named is expired, ended or never was. */
export class SessionEnded extends ApiError {
  constructor() {
    super(401, 'unauthorized', 'Your session has ended. Sign in again.');
  }
}

type Hook = (member: SignedInMember) => void | Promise<void>;

/** Only statements that cannot write may run before the session is proven. */
const readsOnly = (query: string) => /^\s*select\b/i.test(query);

/**
 * The check's outcome, which every later call awaits: marked handled at once,
 * since its failure reaches the request through whichever call awaits it.
 */
function settled(outcome: Promise<void>): Promise<void> {
  outcome.catch(() => {});
  return outcome;
}

class SessionRide {
  private found: FoundSession | null = null;
  /** Set when the lookup has been sent: settles once the session is proven (or found dead). */
  private proven: Promise<void> | null = null;
  /** `proven`, then every hook: results are handed over only after it. */
  private released: Promise<void> | null = null;
  private readonly hooks: Hook[] = [];

  constructor(
    readonly inner: D1Database,
    private readonly lookup: D1PreparedStatement,
    private readonly onFound: (found: FoundSession | null) => void,
  ) {}

  member(): SignedInMember | null {
    return this.found?.member ?? null;
  }

  /** Runs once the session is proven, before any result reaches the handler; at once if it already is. */
  async after(hook: Hook): Promise<void> {
    if (this.found) return hook(this.found.member);
    this.hooks.push(hook);
  }

  private start(lookedUp: Promise<D1Result>) {
    this.proven = settled(
      lookedUp.then((result) => {
        const found = sessionFromRow(result.results[0] as Record<string, unknown> | undefined);
        this.onFound(found);
        if (!found) throw new SessionEnded();
        this.found = found;
      }),
    );
    this.released = settled(
      this.proven.then(async () => {
        for (const hook of this.hooks) await hook(this.found!.member);
      }),
    );
  }

  /** The lookup on its own, unless a call has carried it already; settles when the member is proven. */
  prove(): Promise<void> {
    if (!this.proven) this.start(this.inner.batch([this.lookup]).then(([result]) => result!));
    return this.proven!;
  }

  /** A call that cannot carry the lookup: sent once the member is proven and the hooks have run. */
  async afterward<T>(direct: () => Promise<T>): Promise<T> {
    await this.prove();
    await this.released;
    return direct();
  }

  /**
   * Sends a call: with the lookup in front when it is the request's first and
   * only reads, else after the lookup and the hooks. `direct` sends it alone;
   * `fromBatch` picks its answer out of the combined batch's results.
   */
  async send<T>(statements: RidingStatement[], direct: () => Promise<T>, fromBatch: (results: D1Result[]) => T): Promise<T> {
    if (this.proven || !statements.every((s) => s.readsOnly)) return this.afterward(direct);
    const sent = this.inner.batch([this.lookup, ...statements.map((s) => s.inner)]);
    this.start(sent.then(([result]) => result!));
    const results = await sent;
    await this.released;
    return fromBatch(results.slice(1));
  }
}

class RidingStatement implements D1PreparedStatement {
  constructor(
    readonly inner: D1PreparedStatement,
    readonly readsOnly: boolean,
    private readonly ride: SessionRide,
  ) {}

  bind(...values: unknown[]): D1PreparedStatement {
    return new RidingStatement(this.inner.bind(...values), this.readsOnly, this.ride);
  }

  run<T = Record<string, unknown>>(): Promise<D1Result<T>> {
    return this.ride.send([this], () => this.inner.run<T>(), ([result]) => result as D1Result<T>);
  }

  all<T = Record<string, unknown>>(): Promise<D1Result<T>> {
    return this.ride.send([this], () => this.inner.all<T>(), ([result]) => result as D1Result<T>);
  }

  first<T = unknown>(colName: string): Promise<T | null>;
  first<T = Record<string, unknown>>(): Promise<T | null>;
  async first<T>(colName?: string): Promise<T | null> {
    return firstOf<T>(await this.all<Record<string, unknown>>(), colName);
  }

  raw<T = unknown[]>(options: { columnNames: true }): Promise<[string[], ...T[]]>;
  raw<T = unknown[]>(options?: { columnNames?: false }): Promise<T[]>;
  async raw<T = unknown[]>(options?: { columnNames?: boolean }): Promise<T[] | [string[], ...T[]]> {
    if (options?.columnNames) return this.ride.afterward(() => this.inner.raw<T>({ columnNames: true }));
    return rawOf<T>(await this.all<Record<string, unknown>>());
  }
}

const unwrap = (statement: D1PreparedStatement) => (statement instanceof RidingStatement ? statement.inner : statement);

function ridingD1(ride: SessionRide): D1Database {
  const inner = ride.inner;
  return {
    prepare: (query) => new RidingStatement(inner.prepare(query), readsOnly(query), ride),
    batch: <T>(statements: D1PreparedStatement[]) =>
      ride.send(
        statements as RidingStatement[],
        () => inner.batch<T>(statements.map(unwrap)),
        (results) => results as D1Result<T>[],
      ),
    exec: (query) => ride.afterward(() => inner.exec(query)),
    dump: () => inner.dump(),
    withSession: (constraint) => inner.withSession(constraint),
  };
}

/** The member a token claims, until the check proves them: the id is known, nothing else yet. */
function claimedMember(id: string, ride: SessionRide): SignedInMember {
  const proven = () => {
    const member = ride.member();
    if (!member) throw new Error('A member field other than id was read before the session was checked: await checkedMember(c) first.');
    return member;
  };
  return new Proxy({ id } as SignedInMember, {
    get: (_, key) => (key === 'id' ? id : Reflect.get(proven(), key)),
    has: (_, key) => Reflect.has(proven(), key),
    ownKeys: () => Reflect.ownKeys(proven()),
    getOwnPropertyDescriptor: (_, key) => Reflect.getOwnPropertyDescriptor(proven(), key),
  });
}

const rides = new WeakMap<Context<AppEnv>, SessionRide>();

/**
 * Puts the session named by `token` on the request, to be checked with its
 * first D1 call: `c.env.DB` becomes the riding database and `c.var.member` the
 * claimed member.
 */
export function rideSessionCheck(c: Context<AppEnv>, claimedMemberId: string, lookup: (d1: D1Database) => D1PreparedStatement) {
  const d1 = c.env.DB;
  const ride = new SessionRide(d1, lookup(d1), (found) => {
    c.set('member', found?.member ?? null);
    if (!found) return;
    const renew = renewal(d1, found, c.var.clock());
    if (renew) c.executionCtx.waitUntil(renew.run());
  });
  rides.set(c, ride);
  c.env = { ...c.env, DB: ridingD1(ride) };
  c.set('member', claimedMember(claimedMemberId, ride));
}

/** The signed-in member with every field, checking the session now if no call has carried the check yet. */
export async function checkedMember(c: Context<AppEnv>): Promise<SignedInMember | null> {
  await rides.get(c)?.prove();
  return c.var.member;
}

/**
 * Runs `hook` on the proven member before any D1 result reaches the handler
 * (at once when the member is already proven; never for a visitor).
 */
export async function afterSessionCheck(c: Context<AppEnv>, hook: Hook): Promise<void> {
  const ride = rides.get(c);
  if (ride) return ride.after(hook);
  if (c.var.member) await hook(c.var.member);
}
