/**
 * Backup and restore on each engine, with real parts only (a SQLite file, a PostgreSQL server,
 * pg_dump and pg_restore): a store holding reference data, the sample documents with their search
 * index, evidence, alignment and term annotations, the glossary with a person's edit, report
 * templates, an account with a token, and a national report with an edit is backed up and
 * restored into a fresh, empty store of the same engine; then every table the database catalogue
 * lists is compared row by row, and the audit chain verifies. Damaged files are refused, naming
 * the file, with the target store left as it was.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { alignWork } from '../../src/align/align-work.js';
import { verifyAudit, recordAudit } from '../../src/audit/audit-log.js';
import { createApiToken } from '../../src/auth/api-tokens.js';
import { addUser } from '../../src/auth/users.js';
import type { StoreConfig } from '../../src/config/config.js';
import { seedSampleDocuments } from '../../src/documents/seed-sample-documents.js';
import type { Principal } from '../../src/domain/accounts.js';
import { isPillarsError } from '../../src/domain/errors.js';
import { scanEvidence } from '../../src/evidence/evidence-service.js';
import { editableConcept } from '../../src/glossary/concept-content.js';
import { saveConcept } from '../../src/glossary/edit-concept.js';
import { publishEdition } from '../../src/glossary/glossary-editions.js';
import { getConcept } from '../../src/glossary/glossary-queries.js';
import { seedGlossary } from '../../src/glossary/seed-glossary.js';
import { annotateStale } from '../../src/glossary/term-annotations.js';
import { createReport, editSection } from '../../src/reporting/report-commands.js';
import { getTemplate, seedTemplates } from '../../src/reporting/report-templates.js';
import { ensureSearchIndex } from '../../src/search/index/search-index.js';
import { backupStore, restoreStore, type BackupResult } from '../../src/store/backup.js';
import type { Database } from '../../src/store/database.js';
import { openStore, type Engine } from '../../src/store/open-store.js';
import { forEachStore, freshStoreConfig } from '../support/for-each-store.js';

const SLOW = 180_000;

/** Every table the catalogue lists, but the engine's own. */
async function tableNames(db: Kysely<Database>, engine: Engine): Promise<string[]> {
  if (engine === 'sqlite') {
    // sqlite_master itself is compared as a table of its own (the schema); sqlite_sequence and
    // sqlite_stat* would be compared too if present. The FTS5 tables are virtual: their content
    // lives in their shadow tables (search_fts_<lang>_data, _idx, _docsize, _config), which are
    // ordinary tables listed here and compared byte for byte; the contentless virtual tables
    // themselves return only NULL columns, so each is compared by its rowids.
    const rows = await sql<{ name: string }>`
      select name from sqlite_master where type = 'table' order by name`.execute(db);
    return rows.rows.map((r) => r.name);
  }
  const rows = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
    where table_schema = 'public' order by table_name`.execute(db);
  return rows.rows.map((r) => r.table_name);
}

async function columnCount(db: Kysely<Database>, engine: Engine, table: string): Promise<number> {
  if (engine === 'sqlite') {
    const rows = await sql<{ name: string }>`select name from pragma_table_info(${table})`.execute(
      db,
    );
    return rows.rows.length;
  }
  const rows = await sql<{ n: number }>`
    select count(*)::int as n from information_schema.columns
    where table_schema = 'public' and table_name = ${table}`.execute(db);
  return rows.rows[0]!.n;
}

async function isVirtual(db: Kysely<Database>, table: string): Promise<boolean> {
  const rows = await sql<{ sql: string | null }>`
    select sql from sqlite_master where name = ${table}`.execute(db);
  return /^create virtual table/i.test(rows.rows[0]?.sql ?? '');
}

/** Each table's rows, ordered by all of its columns. */
async function snapshot(
  db: Kysely<Database>,
  engine: Engine,
): Promise<Map<string, readonly unknown[]>> {
  const tables = new Map<string, readonly unknown[]>();
  for (const table of await tableNames(db, engine)) {
    const quoted = `"${table.replace(/"/g, '""')}"`;
    let query: string;
    if (engine === 'sqlite' && (await isVirtual(db, table))) {
      query = `select rowid from ${quoted} order by rowid`;
    } else {
      const n = await columnCount(db, engine, table);
      const order = Array.from({ length: n }, (_, i) => String(i + 1)).join(', ');
      query = `select * from ${quoted} order by ${order}`;
    }
    tables.set(table, (await sql.raw(query).execute(db)).rows);
  }
  if (engine === 'sqlite') {
    const schema = await sql`
      select type, name, tbl_name, sql from sqlite_master order by type, name`.execute(db);
    tables.set('sqlite_master', schema.rows);
  } else {
    // The schema too: columns with their types and defaults, and every index.
    const columns = await sql`
      select table_name, column_name, ordinal_position, data_type, is_nullable, column_default
      from information_schema.columns where table_schema = 'public'
      order by table_name, ordinal_position`.execute(db);
    tables.set('(columns)', columns.rows);
    const indexes = await sql`
      select tablename, indexname, indexdef from pg_indexes where schemaname = 'public'
      order by tablename, indexname`.execute(db);
    tables.set('(indexes)', indexes.rows);
  }
  return tables;
}

function delegate(user: Awaited<ReturnType<typeof addUser>>['user']): Principal {
  return { kind: 'user', user, via: 'session', scopes: ['reports'], credentialId: 'test' };
}

async function errorOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a failure');
}

forEachStore('backup and restore', ({ engine, config, store }) => {
  let dir = '';
  let backup: BackupResult;
  let target: { config: StoreConfig; dispose: () => Promise<void> };
  const timings: Record<string, number> = {};

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pillars-backup-'));
    const db = store().db;
    await seedSampleDocuments(store());
    await ensureSearchIndex(db);
    await seedGlossary(db);
    const fmct = await getConcept(db, 'fmct');
    await saveConcept(db, {
      concept: { ...editableConcept(fmct), note: 'Also called the fissile material treaty (FMT).' },
      actor: 'translator A',
      comment: 'add a note',
      baseRevision: fmct.revision,
    });
    await publishEdition(db, { id: '2026-1', title: 'First edition', actor: 'editor' });
    await annotateStale(db);
    await scanEvidence(db);
    await alignWork(db, { symbol: 'A/RES/55/100', langs: ['en', 'fr'] });
    await seedTemplates(db);
    const { user } = await addUser(
      db,
      { username: 'cn-delegate', role: 'delegate', state: 'CHN', displayName: '中国代表' },
      'cli:test',
    );
    await createApiToken(db, user, { name: 'scripts', scopes: ['reports'] }, 'cli:test');
    const principal = delegate(user);
    const report = await createReport(db, principal, { cycle: '2026' });
    const template = await getTemplate(db, report.templateId, report.templateVersion);
    await editSection(db, principal, report.id, template.sections[0]!.id, {
      text: '中国一贯主张全面禁止和彻底销毁核武器。\nChina has always stood for the complete prohibition.',
      baseVersion: 1,
      baseRevision: 0,
    });
    target = await freshStoreConfig(engine);
    // An empty store, migrated: what an operator restoring onto a new machine starts from.
    await (await openStore(target.config)).close();
  }, SLOW);

  afterAll(async () => {
    await target?.dispose();
    rmSync(dir, { recursive: true, force: true });
    console.info(`backup and restore [${engine}] timings (ms): ${JSON.stringify(timings)}`);
  });

  it(
    'backs up the store while it is open, with the audit entry inside the backup',
    async () => {
      const file = join(dir, 'pillars.backup');
      const started = performance.now();
      backup = await backupStore(config(), file, {
        beforeCopy: (open) =>
          recordAudit(open.db, {
            actor: 'cli:test',
            action: 'store.backup',
            target: 'store',
            detail: { out: file, engine },
          }),
      });
      timings.backup = Math.round(performance.now() - started);
      expect(backup).toMatchObject({ file, engine, bytes: readFileSync(file).length });
      expect(backup.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe(
        engine === 'sqlite' ? 'SQLit' : 'PGDMP',
      );
      const again = await errorOf(backupStore(config(), file));
      expect(again.message).toMatch(/exists already.*--force/);
    },
    SLOW,
  );

  it(
    'restores into a fresh store of the same engine: every table equal, row by row',
    async () => {
      const started = performance.now();
      const result = await restoreStore(target.config, backup.file);
      timings.restore = Math.round(performance.now() - started);
      expect(result.migrated).toEqual([]);
      const restored = await openStore(target.config);
      try {
        const compareStarted = performance.now();
        const expected = await snapshot(store().db, engine);
        const actual = await snapshot(restored.db, engine);
        timings.compare = Math.round(performance.now() - compareStarted);
        expect([...actual.keys()]).toEqual([...expected.keys()]);
        for (const [table, rows] of expected) {
          expect(actual.get(table), `table ${table}`).toEqual(rows);
        }
        // The seeded data is really there (not two empty stores compared).
        const nonEmpty = [...expected].filter(([, rows]) => rows.length > 0).map(([t]) => t);
        for (const table of [
          'works',
          'segments',
          'search_docs',
          'alignment_links',
          'evidence',
          'term_annotations',
          'glossary_revisions',
          'glossary_edition_concepts',
          'users',
          'api_tokens',
          'report_edits',
          'audit_log',
          ...(engine === 'sqlite' ? ['search_fts_en_data', 'search_fts_zh_idx'] : []),
        ])
          expect(nonEmpty, table).toContain(table);
        console.info(
          `backup and restore [${engine}]: ${expected.size} tables compared (${nonEmpty.length} with rows, ${[...expected.values()].reduce((n, rows) => n + rows.length, 0)} rows)`,
        );
        expect(result.counts).toMatchObject({ works: 2, reports: 1, users: 1 });
        expect(result.counts.glossaryConcepts).toBeGreaterThan(100);
        const audit = await verifyAudit(restored.db);
        expect(audit.ok, JSON.stringify(audit.findings)).toBe(true);
        expect(audit.entries).toBe(result.counts.auditEntries);
        const last = await restored.db
          .selectFrom('audit_log')
          .select(['action'])
          .orderBy('seq', 'desc')
          .executeTakeFirstOrThrow();
        expect(last.action).toBe('store.backup');
      } finally {
        await restored.close();
      }
    },
    SLOW,
  );

  it(
    'refuses a truncated backup and random bytes, naming the file, and leaves the store as it was',
    async () => {
      const before = await (async () => {
        const open = await openStore(target.config);
        try {
          return await snapshot(open.db, engine);
        } finally {
          await open.close();
        }
      })();
      const bytes = readFileSync(backup.file);
      const truncated = join(dir, 'truncated.backup');
      writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
      const random = join(dir, 'random.bin');
      writeFileSync(random, Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 7919) % 251)));
      const empty = join(dir, 'empty.backup');
      writeFileSync(empty, '');
      for (const [file, message] of [
        [truncated, /truncated/],
        [random, /not a Pillars backup/],
        [empty, /is empty/],
        [join(dir, 'missing.backup'), /no such file/],
      ] as const) {
        const error = await errorOf(restoreStore(target.config, file));
        expect(isPillarsError(error) && error.code, error.message).toBe('invalid_data');
        expect(error.message).toContain(file);
        expect(error.message).toMatch(message);
      }
      const after = await openStore(target.config);
      try {
        expect(await snapshot(after.db, engine)).toEqual(before);
        expect((await verifyAudit(after.db)).ok).toBe(true);
      } finally {
        await after.close();
      }
    },
    SLOW,
  );

  it('refuses the other engine’s backup', async () => {
    const other = join(dir, engine === 'sqlite' ? 'other.dump' : 'other.db');
    writeFileSync(
      other,
      Buffer.concat([
        Buffer.from(engine === 'sqlite' ? 'PGDMP' : 'SQLite format 3\0', 'latin1'),
        Buffer.alloc(4096),
      ]),
    );
    const error = await errorOf(restoreStore(target.config, other));
    expect(error.message).toContain(other);
    expect(error.message).toMatch(
      engine === 'sqlite'
        ? /is a PostgreSQL backup, but the configured store is SQLite/
        : /is a SQLite backup, but the configured store is PostgreSQL/,
    );
  });
});
