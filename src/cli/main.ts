/**
 * @module The `pillars` command line: thin verbs over the feature modules. With --json a verb
 * prints only JSON on stdout; errors go to stderr; exit 0 ok, 1 failure, 2 usage error.
 */
import { Command, CommanderError } from 'commander';
import { isPillarsError } from '../domain/errors.js';
import { registerAccountCommands } from './commands/account-commands.js';
import { registerAlignCommands } from './commands/align-commands.js';
import { registerBackupCommands } from './commands/backup-commands.js';
import { registerDocumentCommands } from './commands/document-commands.js';
import { registerEvidenceCommands } from './commands/evidence-commands.js';
import { registerGlossaryCommands } from './commands/glossary-commands.js';
import { registerReportCommands } from './commands/report-commands.js';
import { registerReferenceCommands } from './commands/reference-commands.js';
import { registerResolveNameCommand } from './commands/resolve-name-command.js';
import { registerSearchCommands } from './commands/search-commands.js';
import { registerSeedCommand } from './commands/seed-command.js';
import { registerServeCommand } from './commands/serve-command.js';
import { registerSymbolCommand } from './commands/symbol-command.js';
import { registerTreatyCommands } from './commands/treaty-commands.js';
import { createOutput } from './output.js';

export function buildProgram(
  out = createOutput(),
  stdin: NodeJS.ReadableStream = process.stdin,
): Command {
  const program = new Command('pillars')
    .description(
      'Pillars: the NPT review cycle in six languages — States, treaties, meetings, the 2010 Action Plan',
    )
    .option('--db <file>', 'SQLite database file (PILLARS_DB, default ./data/pillars.db)')
    .option('--database-url <url>', 'PostgreSQL URL; wins over --db (PILLARS_DATABASE_URL)')
    .showHelpAfterError()
    .exitOverride();
  program.configureOutput({ writeErr: (text) => out.error(text.trimEnd()) });
  registerServeCommand(program, out);
  registerSeedCommand(program, out);
  registerReferenceCommands(program, out);
  registerResolveNameCommand(program, out, stdin);
  registerDocumentCommands(program, out);
  registerAlignCommands(program, out);
  registerSymbolCommand(program, out);
  registerSearchCommands(program, out);
  registerTreatyCommands(program, out);
  registerEvidenceCommands(program, out);
  registerGlossaryCommands(program, out);
  registerAccountCommands(program, out);
  registerReportCommands(program, out);
  registerBackupCommands(program, out);
  return program;
}

export async function runCli(argv: string[]): Promise<number> {
  const out = createOutput();
  try {
    await buildProgram(out).parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (
        error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.version' ||
        error.exitCode === 0
      )
        return 0;
      return 2;
    }
    if (isPillarsError(error)) {
      out.error(`pillars: ${error.message}`);
      return error.exitCode;
    }
    out.error(`pillars: internal error: ${(error as Error).message ?? String(error)}`);
    if (process.env.PILLARS_DEBUG) out.error((error as Error).stack ?? '');
    return 1;
  }
}

// Run directly (`tsx src/cli/main.ts`); bin/pillars.js calls runCli itself.
if (process.argv[1] !== undefined && /cli[\\/]main\.[jt]s$/.test(process.argv[1])) {
  process.exitCode = await runCli(process.argv.slice(2));
}
