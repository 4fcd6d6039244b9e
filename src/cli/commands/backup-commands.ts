/**
 * @module `pillars backup --out FILE` and `pillars restore FILE`: the whole store to one file and
 * back (src/store/backup.ts; the operator's guide is docs/backup.md).
 *
 * Audit: a backup is recorded (`store.backup`) in the store just before the copy starts, so the
 * backup holds the record of its own making and a restored store's log ends with the moment it
 * was taken; a backup that then fails adds `store.backup.failed`. A restore is recorded
 * (`store.restore`, with the file's SHA-256) in the restored store, after its chain is verified.
 * Actor: `cli:<system user>`.
 */
import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { recordAudit, verifyAudit, type AuditVerification } from '../../audit/audit-log.js';
import { backupStore, restoreStore, type RestoreResult } from '../../store/backup.js';
import { openStore, type Store } from '../../store/open-store.js';
import { configFrom, type GlobalOptions } from '../context.js';
import type { Output } from '../output.js';

function cliActor(): string {
  let name = 'unknown';
  try {
    name = userInfo().username;
  } catch {
    // No passwd entry (some containers): the actor says so.
  }
  return `cli:${name}`;
}

async function hasAuditLog(store: Store): Promise<boolean> {
  const tables = await store.db.introspection.getTables();
  return tables.some((t) => t.name === 'audit_log');
}

function megabytes(bytes: number): string {
  return bytes < 1024 * 1024
    ? `${(bytes / 1024).toFixed(1)} kB`
    : `${(bytes / 1048576).toFixed(1)} MB`;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export function registerBackupCommands(program: Command, out: Output): void {
  const globals = () => program.opts<GlobalOptions>();

  program
    .command('backup')
    .description(
      'copy the whole store to one file while the server keeps running (SQLite: online backup; PostgreSQL: pg_dump)',
    )
    .requiredOption(
      '--out <file>',
      'the backup file to write (written under a temporary name, then renamed)',
    )
    .option('--force', 'replace the file if it exists')
    .option('--json', 'print JSON only')
    .action(async (options: { out: string; force?: boolean; json?: boolean }) => {
      const config = configFrom(globals()).store;
      const actor = cliActor();
      let audited = false;
      try {
        const result = await backupStore(config, options.out, {
          force: options.force === true,
          beforeCopy: async (store) => {
            if (!(await hasAuditLog(store))) return;
            await recordAudit(store.db, {
              actor,
              action: 'store.backup',
              target: 'store',
              detail: { out: resolve(options.out), engine: config.kind },
            });
            audited = true;
          },
        });
        if (options.json) return out.json({ ...result, audited });
        out.line(
          `backup written: ${result.file} (${result.engine === 'sqlite' ? 'SQLite' : 'PostgreSQL'}, ${megabytes(result.bytes)}, ${seconds(result.durationMs)})`,
        );
        out.line(`sha256 ${result.sha256}`);
        out.line(
          'Keep it on another machine or disk; check it now and then by restoring it into a scratch store (docs/backup.md).',
        );
      } catch (error) {
        if (audited) await recordFailure(config, actor, resolve(options.out), error);
        throw error;
      }
    });

  program
    .command('restore <file>')
    .description(
      'replace the whole store with a backup made by `pillars backup` (stop the server first), then apply newer migrations',
    )
    .option('--json', 'print JSON only')
    .action(async (file: string, options: { json?: boolean }) => {
      const config = configFrom(globals()).store;
      const result = await restoreStore(config, file);
      const store = await openStore(config);
      let audit: AuditVerification;
      try {
        audit = await verifyAudit(store.db);
        await recordAudit(store.db, {
          actor: cliActor(),
          action: 'store.restore',
          target: 'store',
          detail: {
            file: result.file,
            sha256: result.sha256,
            migrated: result.migrated,
            auditIntact: audit.ok,
          },
        });
      } finally {
        await store.close();
      }
      if (options.json)
        return out.json({
          ...result,
          audit: { ok: audit.ok, entries: audit.entries, findings: audit.findings },
        });
      printRestore(out, result, audit);
    });
}

async function recordFailure(
  config: ReturnType<typeof configFrom>['store'],
  actor: string,
  file: string,
  error: unknown,
): Promise<void> {
  try {
    const store = await openStore(config, { migrate: false });
    try {
      await recordAudit(store.db, {
        actor,
        action: 'store.backup.failed',
        target: 'store',
        detail: { out: file, reason: (error as Error).message ?? String(error) },
      });
    } finally {
      await store.close();
    }
  } catch {
    // The failure itself is what the operator sees; recording it is a courtesy.
  }
}

function printRestore(out: Output, result: RestoreResult, audit: AuditVerification): void {
  out.line(
    `restored ${result.file} into ${result.store} (${megabytes(result.bytes)}, ${seconds(result.durationMs)})`,
  );
  out.table(
    ['what came back', 'count'],
    [
      ['documents', String(result.counts.works)],
      ['language versions', String(result.counts.expressions)],
      ['glossary concepts', String(result.counts.glossaryConcepts)],
      ['national reports', String(result.counts.reports)],
      ['accounts', String(result.counts.users)],
      ['audit entries', String(result.counts.auditEntries)],
    ],
  );
  out.line(
    result.migrated.length === 0
      ? 'schema: up to date'
      : `schema: brought up to date (${result.migrated.join(', ')})`,
  );
  if (audit.ok) {
    out.line(`audit log intact: ${audit.entries} entries (the restore is recorded after them)`);
  } else {
    for (const finding of audit.findings) out.error(`pillars: warning: ${finding.message}`);
    out.error(
      'pillars: warning: the restored audit log does not verify; the backup may have been altered',
    );
  }
}
