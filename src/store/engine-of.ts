/**
 * @module Which engine a Kysely instance talks to, for the few places (the search index) whose SQL
 * cannot be the same on both.
 */
import { PostgresAdapter, type Kysely } from 'kysely';

export type EngineKind = 'sqlite' | 'postgres';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any database shape will do
export function engineOf(db: Kysely<any>): EngineKind {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}
