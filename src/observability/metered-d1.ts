/** What one request asked of D1, as its Server-Timing header and log line report it. */
export type D1Usage = {
  /** Round trips: each statement run, and each batch as one. */
  calls: number;
  /** Wall-clock time spent waiting on D1; calls in flight together count once. */
  waitMs: number;
  /** SQL execution time D1 reports in `meta.duration`, summed (network not included). */
  sqlMs: number;
  rowsRead: number;
  rowsWritten: number;
};

export const emptyD1Usage = (): D1Usage => ({ calls: 0, waitMs: 0, sqlMs: 0, rowsRead: 0, rowsWritten: 0 });

/** `first()` answered from an `all()` result: the same row, value and errors as D1's own. */
export function firstOf<T>({ results }: D1Result<Record<string, unknown>>, colName?: string): T | null {
  const row = results[0];
  if (!row) return null;
  if (colName === undefined) return row as T;
  if (row[colName] === undefined) {
    throw new Error(`D1_COLUMN_NOTFOUND: Column not found (${colName})`, { cause: new Error('Column not found') });
  }
  return row[colName] as T;
}

/** `raw()` answered from an `all()` result: rows as arrays in column order, as drizzle maps a batch's rows. */
export const rawOf = <T>({ results }: D1Result<Record<string, unknown>>) => results.map((row) => Object.values(row) as T);

/** Counts calls and adds up their meta into one request's usage. */
class Meter {
  private inFlight = 0;
  private busySince = 0;

  constructor(readonly usage: D1Usage) {}

  async measure<T>(send: () => Promise<T>, metaOf: (result: T) => Array<D1Meta | undefined>): Promise<T> {
    if (this.inFlight++ === 0) this.busySince = performance.now();
    try {
      const result = await send();
      for (const meta of metaOf(result)) {
        this.usage.sqlMs += meta?.duration ?? 0;
        this.usage.rowsRead += meta?.rows_read ?? 0;
        this.usage.rowsWritten += meta?.rows_written ?? 0;
      }
      return result;
    } finally {
      // A failed call was a round trip too.
      this.usage.calls++;
      if (--this.inFlight === 0) this.usage.waitMs += performance.now() - this.busySince;
    }
  }
}

class MeteredStatement implements D1PreparedStatement {
  constructor(
    readonly inner: D1PreparedStatement,
    private readonly meter: Meter,
  ) {}

  bind(...values: unknown[]): D1PreparedStatement {
    return new MeteredStatement(this.inner.bind(...values), this.meter);
  }

  run<T = Record<string, unknown>>(): Promise<D1Result<T>> {
    return this.meter.measure(() => this.inner.run<T>(), (result) => [result.meta]);
  }

  all<T = Record<string, unknown>>(): Promise<D1Result<T>> {
    return this.meter.measure(() => this.inner.all<T>(), (result) => [result.meta]);
  }

  first<T = unknown>(colName: string): Promise<T | null>;
  first<T = Record<string, unknown>>(): Promise<T | null>;
  /**
   * D1's own `first()` sends the very request `all()` does and drops the meta,
   * so it is answered from `all()` here, with the same result and errors.
   */
  async first<T>(colName?: string): Promise<T | null> {
    return firstOf<T>(await this.all<Record<string, unknown>>(), colName);
  }

  raw<T = unknown[]>(options: { columnNames: true }): Promise<[string[], ...T[]]>;
  raw<T = unknown[]>(options?: { columnNames?: false }): Promise<T[]>;
  /**
   * D1 returns no meta with `raw()`, and drizzle reads every query-builder
   * select through it, so its rows would go uncounted. Rows are read through
   * `all()` instead (which has the meta) and turned into arrays by column
   * order, exactly as drizzle maps the rows of a batch: so, as in a batch, a
   * query must not select two columns under one name (alias one of them).
   * Column names are only known from a row, so that form keeps D1's own
   * `raw()` and counts the call alone.
   */
  async raw<T = unknown[]>(options?: { columnNames?: boolean }): Promise<T[] | [string[], ...T[]]> {
    if (options?.columnNames) return this.meter.measure(() => this.inner.raw<T>({ columnNames: true }), () => []);
    return rawOf<T>(await this.all<Record<string, unknown>>());
  }
}

const unwrap = (statement: D1PreparedStatement) => (statement instanceof MeteredStatement ? statement.inner : statement);

class MeteredSession implements D1DatabaseSession {
  constructor(
    private readonly inner: D1DatabaseSession,
    private readonly meter: Meter,
  ) {}

  prepare(query: string): D1PreparedStatement {
    return new MeteredStatement(this.inner.prepare(query), this.meter);
  }

  batch<T = unknown>(statements: D1PreparedStatement[]): Promise<D1Result<T>[]> {
    return this.meter.measure(() => this.inner.batch<T>(statements.map(unwrap)), (results) => results.map((r) => r.meta));
  }

  getBookmark(): D1SessionBookmark | null {
    return this.inner.getBookmark();
  }
}

class MeteredDatabase implements D1Database {
  constructor(
    private readonly inner: D1Database,
    private readonly meter: Meter,
  ) {}

  prepare(query: string): D1PreparedStatement {
    return new MeteredStatement(this.inner.prepare(query), this.meter);
  }

  /** One batch is one round trip, however many statements it holds. */
  batch<T = unknown>(statements: D1PreparedStatement[]): Promise<D1Result<T>[]> {
    return this.meter.measure(() => this.inner.batch<T>(statements.map(unwrap)), (results) => results.map((r) => r.meta));
  }

  exec(query: string): Promise<D1ExecResult> {
    return this.meter.measure(
      () => this.inner.exec(query),
      (result) => [{ duration: result.duration } as D1Meta],
    );
  }

  withSession(constraintOrBookmark?: D1SessionBookmark | D1SessionConstraint): D1DatabaseSession {
    return new MeteredSession(this.inner.withSession(constraintOrBookmark), this.meter);
  }

  dump(): Promise<ArrayBuffer> {
    return this.inner.dump();
  }
}

/**
 * A D1Database that adds every call it makes to `usage`: one call per
 * statement run and per batch, and D1's `meta` (duration, rows read, rows
 * written) summed. Statements it prepares go into its `batch()` unchanged.
 *
 * @example
 * const usage = emptyD1Usage();
 * const db = meteredD1(env.DB, usage);
 * await db.prepare('SELECT 1').first();
 * usage.calls; // 1
 */
export function meteredD1(d1: D1Database, usage: D1Usage): D1Database {
  return new MeteredDatabase(d1, new Meter(usage));
}
