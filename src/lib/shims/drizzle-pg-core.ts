/**
 * Stands in for two pg-core modules in the Worker bundle (wrangler.toml `[alias]`): drizzle's shared SQL builder
 * and relations code import `isPgEnum` and `PrimaryKeyBuilder` from pg-core, which brought Postgres column classes
 * into a SQLite Worker. Both keep drizzle's own behaviour: the enum test is drizzle's, and `is(x, PrimaryKeyBuilder)`
 * compares the same entity kind, which no SQLite object has.
 */
import { entityKind } from 'drizzle-orm/entity';

const isPgEnumSym = Symbol.for('drizzle:isPgEnum');

export function isPgEnum(obj: unknown): boolean {
  return !!obj && typeof obj === 'function' && isPgEnumSym in obj && (obj as { [isPgEnumSym]?: unknown })[isPgEnumSym] === true;
}

export class PrimaryKeyBuilder {
  static readonly [entityKind] = 'PgPrimaryKeyBuilder';
}
