/**
 * @module Operator verbs that act on the store directly (whoever runs them can open the database):
 * `user add|list|disable|reset-password`, `token create|list|revoke`, `audit verify|list`.
 * Their actor in the audit log is `cli:<system user>`.
 */
import { userInfo } from 'node:os';
import type { Command } from 'commander';
import { createApiToken, listApiTokens, revokeApiToken } from '../../auth/api-tokens.js';
import { addUser, disableUser, findUser, listUsers, resetPassword } from '../../auth/users.js';
import { listAudit, recordAudit, verifyAudit } from '../../audit/audit-log.js';
import { ROLES, TOKEN_SCOPES } from '../../domain/accounts.js';
import { invalidParameter } from '../../domain/errors.js';
import { withStore, type GlobalOptions } from '../context.js';
import { clip, type Output } from '../output.js';

function cliActor(): string {
  let name = 'unknown';
  try {
    name = userInfo().username;
  } catch {
    // No passwd entry (some containers): the actor says so.
  }
  return `cli:${name}`;
}

function positiveInt(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw invalidParameter(flag, `expected a positive whole number, got '${value}'`);
  return n;
}

export function registerAccountCommands(program: Command, out: Output): void {
  const globals = () => program.opts<GlobalOptions>();
  const user = program
    .command('user')
    .description('accounts: add, list, disable, reset a password');

  user
    .command('add <username>')
    .description('add an account and print its one-time password (there are no default accounts)')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
    .option('--state <code>', 'the State a delegate speaks for (ISO alpha-2 or alpha-3)')
    .option('--name <display name>', 'the name shown in the app')
    .option('--json', 'print JSON only')
    .action(
      async (
        username: string,
        options: { role: string; state?: string; name?: string; json?: boolean },
      ) => {
        const { user: added, password } = await withStore(globals(), (store) =>
          addUser(
            store.db,
            { username, role: options.role, state: options.state, displayName: options.name },
            cliActor(),
          ),
        );
        if (options.json) return out.json({ user: added, oneTimePassword: password });
        out.line(
          `added ${added.username} (${added.role}${added.stateCode ? `, ${added.stateCode}` : ''})`,
        );
        out.line(`one-time password: ${password}`);
        out.line('It is shown once; pass it to the person, who should change it after logging in.');
      },
    );

  user
    .command('list')
    .description('list accounts')
    .option('--json', 'print JSON only')
    .action(async (options: { json?: boolean }) => {
      const users = await withStore(globals(), (store) => listUsers(store.db));
      if (options.json) return out.json(users);
      out.table(
        ['user', 'role', 'State', 'created', 'disabled'],
        users.map((u) => [
          u.username,
          u.role,
          u.stateCode ?? '',
          u.createdAt.slice(0, 10),
          u.disabledAt?.slice(0, 10) ?? '',
        ]),
      );
    });

  user
    .command('disable <username>')
    .description('disable an account: its sessions and tokens end at once')
    .action(async (username: string) => {
      await withStore(globals(), (store) => disableUser(store.db, username, cliActor()));
      out.line(`disabled ${username}`);
    });

  user
    .command('reset-password <username>')
    .description('give an account a new one-time password (its sessions end)')
    .action(async (username: string) => {
      const password = await withStore(globals(), (store) =>
        resetPassword(store.db, username, cliActor()),
      );
      out.line(`one-time password for ${username}: ${password}`);
    });

  const token = program.command('token').description('API tokens for scripts');
  token
    .command('create <username>')
    .description('create an API token for an account; it is printed once')
    .requiredOption('--name <name>', 'what the token is for')
    .option(
      '--scope <scopes...>',
      `areas it may write: ${TOKEN_SCOPES.join(', ')} (none: read only)`,
      [],
    )
    .option('--days <n>', 'expire after this many days')
    .action(async (username: string, options: { name: string; scope: string[]; days?: string }) => {
      const created = await withStore(globals(), async (store) =>
        createApiToken(
          store.db,
          await findUser(store.db, username),
          {
            name: options.name,
            scopes: options.scope,
            expiresInDays:
              options.days === undefined ? undefined : positiveInt(options.days, '--days'),
          },
          cliActor(),
        ),
      );
      out.line(
        `token ${created.info.id} for ${username} (${created.info.scopes.join(', ') || 'read only'})`,
      );
      out.line(created.token);
    });
  token
    .command('list <username>')
    .description("list an account's tokens")
    .option('--json', 'print JSON only')
    .action(async (username: string, options: { json?: boolean }) => {
      const tokens = await withStore(globals(), async (store) =>
        listApiTokens(store.db, (await findUser(store.db, username)).id),
      );
      if (options.json) return out.json(tokens);
      out.table(
        ['id', 'name', 'scopes', 'created', 'revoked'],
        tokens.map((t) => [
          t.id,
          t.name,
          t.scopes.join(','),
          t.createdAt.slice(0, 10),
          t.revokedAt?.slice(0, 10) ?? '',
        ]),
      );
    });
  token
    .command('revoke <username> <id>')
    .description('revoke a token')
    .action(async (username: string, id: string) => {
      await withStore(globals(), async (store) =>
        revokeApiToken(store.db, await findUser(store.db, username), id, cliActor()),
      );
      out.line(`revoked ${id}`);
    });

  const audit = program.command('audit').description('the hash-chained audit log');
  audit
    .command('verify')
    .description(
      'check every entry against the chain; exits 1 naming the first altered or missing entry',
    )
    .option('--json', 'print JSON only')
    .action(async (options: { json?: boolean }) => {
      const result = await withStore(globals(), async (store) => {
        const verified = await verifyAudit(store.db);
        // The check itself is on the record, after the entries it checked.
        if (verified.ok)
          await recordAudit(store.db, {
            actor: cliActor(),
            action: 'audit.verify',
            target: 'audit',
            detail: { ok: true, entries: verified.entries },
          });
        return verified;
      });
      if (!result.ok) process.exitCode = 1;
      if (options.json) return out.json(result);
      if (result.ok) {
        out.line(
          `audit log intact: ${result.entries} entries, head ${result.head.seq} ${result.head.hash}`,
        );
        return;
      }
      for (const finding of result.findings) out.error(`pillars: ${finding.message}`);
      out.error(
        `pillars: audit log verification failed at entry ${result.findings[0]?.seq ?? '?'} (${result.entries} entries verified before it)`,
      );
    });
  audit
    .command('list')
    .description('audit entries, newest first')
    .option('--actor <name>', 'only this actor')
    .option('--action <prefix>', 'only actions starting with this, e.g. report. or login')
    .option('--limit <n>', 'at most this many', '50')
    .option('--json', 'print JSON only')
    .action(async (options: { actor?: string; action?: string; limit: string; json?: boolean }) => {
      const page = await withStore(globals(), (store) =>
        listAudit(store.db, {
          limit: positiveInt(options.limit, '--limit'),
          offset: 0,
          ...(options.actor ? { actor: options.actor } : {}),
          ...(options.action ? { action: options.action } : {}),
        }),
      );
      if (options.json) return out.json(page);
      out.table(
        ['#', 'at', 'actor', 'action', 'target', 'detail'],
        page.items.map((e) => [
          String(e.seq),
          e.at.slice(0, 19),
          e.actor,
          e.action,
          clip(e.target, 50),
          clip(JSON.stringify(e.detail), 60),
        ]),
      );
      out.line(`${page.items.length} of ${page.total} entries`);
    });
}
