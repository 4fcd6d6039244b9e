/**
 * @module Queries written with the query builder but built and compiled once per engine, then run
 * with new parameters: the statements ingestion runs once per file (tens of thousands in a batch)
 * spent more time building and compiling their query trees than SQLite spent running them.
 *
 * The query is built with a sentinel in place of each argument; the compiled parameters that are
 * sentinels are swapped for the call's arguments. An argument must therefore reach the query as a
 * plain parameter value (a `where` value, an inserted value), which `preparedQuery` checks on the
 * first build.
 */
import { CompiledQuery, type Compilable, type Kysely } from 'kysely';
import type { Database } from './database.js';
import { engineOf } from './engine-of.js';

const sentinel = (i: number) => `\u0000pillars-argument-${i}\u0000`;

interface Compiled {
  readonly sql: string;
  /** Per compiled parameter: the argument it stands for, or the constant it is. */
  readonly slots: readonly ({ readonly argument: number } | { readonly value: unknown })[];
}

export function preparedQuery<A extends readonly unknown[], R>(
  arity: A['length'],
  build: (db: Kysely<Database>, ...args: A) => Compilable<R>,
): (db: Kysely<Database>, ...args: A) => Promise<R[]> {
  const byEngine = new Map<string, Compiled>();
  const compile = (db: Kysely<Database>): Compiled => {
    const placeholders = Array.from({ length: arity }, (_, i) => sentinel(i)) as unknown as A;
    const compiled = build(db, ...placeholders).compile();
    const seen = new Set<number>();
    const slots = compiled.parameters.map((value) => {
      const argument = typeof value === 'string' ? placeholderIndex(value, arity) : -1;
      if (argument === -1) return { value };
      seen.add(argument);
      return { argument };
    });
    if (seen.size !== arity)
      throw new Error(`preparedQuery: an argument is not a parameter of: ${compiled.sql}`);
    return { sql: compiled.sql, slots };
  };
  return async (db, ...args) => {
    const engine = engineOf(db);
    let compiled = byEngine.get(engine);
    if (!compiled) {
      compiled = compile(db);
      byEngine.set(engine, compiled);
    }
    const parameters = compiled.slots.map((slot) =>
      'argument' in slot ? args[slot.argument] : slot.value,
    );
    const result = await db.executeQuery<R>(CompiledQuery.raw(compiled.sql, parameters));
    return result.rows;
  };
}

function placeholderIndex(value: string, arity: number): number {
  for (let i = 0; i < arity; i++) if (value === sentinel(i)) return i;
  return -1;
}
