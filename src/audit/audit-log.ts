/**
 * @module The audit log: append-only, each entry hash-chained to the one before it, and the head
 * (last sequence number and hash) kept in `meta`, so an altered, deleted or truncated entry
 * breaks the chain. Entries are appended inside the transaction of the change they record: the
 * change and its record commit together or not at all.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../store/database.js';
import { readMeta, writeMeta } from '../store/meta.js';
import { lockKey } from '../store/write-helpers.js';

export const GENESIS_HASH = '0'.repeat(64);
const HEAD_KEY = 'audit.head';

export interface AuditEvent {
  readonly actor: string;
  /** Dotted verb, e.g. `login`, `report.edit`, `report.submit`, `user.add`. */
  readonly action: string;
  /** What it was done to: `report:…`, `user:…`, `concept:…`. */
  readonly target: string;
  readonly detail?: Readonly<Record<string, unknown>>;
}

export interface AuditEntry {
  readonly seq: number;
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly target: string;
  readonly detail: Readonly<Record<string, unknown>>;
  readonly prevHash: string;
  readonly hash: string;
}

/** The hash of an entry: everything it says, and the hash before it. */
export function entryHash(
  prevHash: string,
  entry: { seq: number; at: string; actor: string; action: string; target: string; detail: string },
): string {
  return createHash('sha256')
    .update(
      JSON.stringify([
        prevHash,
        entry.seq,
        entry.at,
        entry.actor,
        entry.action,
        entry.target,
        entry.detail,
      ]),
    )
    .digest('hex');
}

interface Head {
  seq: number;
  hash: string;
}

export async function readAuditHead(db: Kysely<Database>): Promise<Head> {
  const value = await readMeta(db, HEAD_KEY);
  if (value === undefined) return { seq: 0, hash: GENESIS_HASH };
  const [seq, hash] = value.split(':');
  return { seq: Number(seq), hash: hash ?? GENESIS_HASH };
}

/**
 * Appends events in order. Call it with the transaction that makes the change; it takes the
 * audit lock so two processes cannot both take the next number.
 */
export async function appendAudit(
  trx: Kysely<Database>,
  events: AuditEvent | readonly AuditEvent[],
  now: Date = new Date(),
): Promise<void> {
  const list = Array.isArray(events) ? (events as readonly AuditEvent[]) : [events as AuditEvent];
  if (list.length === 0) return;
  await lockKey(trx, 'audit');
  let head = await readAuditHead(trx);
  const at = now.toISOString();
  for (const event of list) {
    const row = {
      seq: head.seq + 1,
      at,
      actor: event.actor,
      action: event.action,
      target: event.target,
      detail: JSON.stringify(event.detail ?? {}),
    };
    const hash = entryHash(head.hash, row);
    await trx
      .insertInto('audit_log')
      .values({ ...row, prev_hash: head.hash, hash })
      .execute();
    head = { seq: row.seq, hash };
  }
  await writeMeta(trx, HEAD_KEY, `${head.seq}:${head.hash}`);
}

/** Appends in a transaction of its own, for events that change nothing else (a login, an export). */
export async function recordAudit(
  db: Kysely<Database>,
  events: AuditEvent | readonly AuditEvent[],
): Promise<void> {
  await db.transaction().execute((trx) => appendAudit(trx, events));
}

export type AuditFinding =
  | { readonly seq: number; readonly problem: 'altered'; readonly message: string }
  | { readonly seq: number; readonly problem: 'missing'; readonly message: string }
  | { readonly seq: number; readonly problem: 'truncated'; readonly message: string };

export interface AuditVerification {
  readonly ok: boolean;
  readonly entries: number;
  readonly head: { readonly seq: number; readonly hash: string };
  /** The first break in the chain, naming the entry; empty when the log is intact. */
  readonly findings: readonly AuditFinding[];
}

const PAGE = 2000;

/** Walks the whole chain; stops at the first break (everything after it is unverifiable). */
export async function verifyAudit(db: Kysely<Database>): Promise<AuditVerification> {
  const head = await readAuditHead(db);
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let entries = 0;
  const fail = (finding: AuditFinding): AuditVerification => ({
    ok: false,
    entries,
    head,
    findings: [finding],
  });
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(PAGE)
      .execute();
    for (const row of rows) {
      const seq = Number(row.seq);
      if (seq !== expectedSeq)
        return fail({
          seq: expectedSeq,
          problem: 'missing',
          message: `audit entry ${expectedSeq} is missing (the next entry is ${seq})`,
        });
      if (row.prev_hash !== prevHash)
        return fail({
          seq,
          problem: 'altered',
          message: `audit entry ${seq} does not follow entry ${seq - 1}: its previous-hash field was changed`,
        });
      const recomputed = entryHash(prevHash, { ...row, seq });
      if (recomputed !== row.hash)
        return fail({
          seq,
          problem: 'altered',
          message: `audit entry ${seq} (${row.action} by ${row.actor} at ${row.at}) was altered: its content does not match its hash`,
        });
      prevHash = row.hash;
      expectedSeq = seq + 1;
      entries++;
    }
    if (rows.length < PAGE) break;
  }
  if (entries !== head.seq || (entries > 0 && prevHash !== head.hash))
    return fail({
      seq: entries + 1,
      problem: entries < head.seq ? 'truncated' : 'altered',
      message:
        entries < head.seq
          ? `audit entries ${entries + 1}–${head.seq} are missing: the log ends early`
          : `the audit head (entry ${head.seq}) does not match the last entry (${entries})`,
    });
  return { ok: true, entries, head, findings: [] };
}

export interface AuditListQuery {
  readonly limit: number;
  readonly offset: number;
  readonly actor?: string;
  readonly action?: string;
  readonly target?: string;
}

/** Newest first, for the admin's browser. */
export async function listAudit(
  db: Kysely<Database>,
  query: AuditListQuery,
): Promise<{ total: number; items: AuditEntry[] }> {
  let base = db.selectFrom('audit_log');
  if (query.actor) base = base.where('actor', '=', query.actor);
  if (query.action) base = base.where('action', 'like', `${query.action.replace(/[%_\\]/g, '')}%`);
  if (query.target) base = base.where('target', '=', query.target);
  const total = await base
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await base
    .selectAll()
    .orderBy('seq', 'desc')
    .limit(query.limit)
    .offset(query.offset)
    .execute();
  return {
    total: Number(total.n),
    items: rows.map((row) => ({
      seq: Number(row.seq),
      at: row.at,
      actor: row.actor,
      action: row.action,
      target: row.target,
      detail: JSON.parse(row.detail) as Record<string, unknown>,
      prevHash: row.prev_hash,
      hash: row.hash,
    })),
  };
}
