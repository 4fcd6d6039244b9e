/**
 * @module `pillars resolve-name`: State names (arguments, or one per line on stdin) → States.
 */
import type { Command } from 'commander';
import { invalidParameter } from '../../domain/errors.js';
import { isLang, type Lang } from '../../domain/languages.js';
import type { Resolution } from '../../states/name-resolver.js';
import { loadNameResolver } from '../../states/state-queries.js';
import { withStore, type GlobalOptions } from '../context.js';
import type { Output } from '../output.js';

async function readLines(stream: NodeJS.ReadableStream): Promise<string[]> {
  let text = '';
  for await (const chunk of stream)
    text += typeof chunk === 'string' ? chunk : chunk.toString('utf8');
  return text.split(/\r?\n/).filter((line) => line.trim() !== '');
}

function candidatesText(candidates: readonly { id: string; name: string }[]): string {
  return candidates.length
    ? `candidates: ${candidates.map((c) => `${c.id} ${c.name}`).join('; ')}`
    : '';
}

export function presentResolution(r: Resolution) {
  return r.status === 'resolved'
    ? { input: r.input, state: r.state }
    : { input: r.input, state: null, status: r.status, candidates: r.candidates };
}

export function registerResolveNameCommand(
  program: Command,
  out: Output,
  stdin: NodeJS.ReadableStream,
): void {
  program
    .command('resolve-name [names...]')
    .description(
      'resolve State names in any of the six languages (from arguments, or one per line on stdin)',
    )
    .option('--lang <xx>', 'the language of the names, when known (ar, zh, en, fr, ru, es)')
    .option('--json', 'print JSON only')
    .action(async (names: string[], options: { lang?: string; json?: boolean }) => {
      let lang: Lang | undefined;
      if (options.lang !== undefined) {
        if (!isLang(options.lang))
          throw invalidParameter(
            '--lang',
            `expected one of ar, zh, en, fr, ru, es, got '${options.lang}'`,
          );
        lang = options.lang;
      }
      const inputs = names.length > 0 ? names : await readLines(stdin);
      const resolutions = await withStore(program.opts<GlobalOptions>(), async (store) => {
        const resolver = await loadNameResolver(store.db);
        return inputs.map((name) => resolver.resolve(name, lang));
      });
      const failed = resolutions.filter(
        (r): r is Exclude<Resolution, { status: 'resolved' }> => r.status !== 'resolved',
      );
      if (options.json) out.json(resolutions.map(presentResolution));
      else {
        out.table(
          ['input', 'state', 'name'],
          resolutions.map((r) => [
            r.input,
            r.state?.id ?? (r.status === 'ambiguous' ? 'AMBIGUOUS' : 'UNKNOWN'),
            r.status === 'resolved' ? r.state.name : candidatesText(r.candidates),
          ]),
        );
      }
      for (const r of failed) {
        out.error(
          `pillars: ${r.status === 'ambiguous' ? 'ambiguous' : 'unknown'} State name '${r.input}'` +
            (r.candidates.length
              ? ` (did you mean ${r.candidates.map((c) => c.name).join(', ')}?)`
              : ''),
        );
      }
      if (failed.length > 0) process.exitCode = 1;
    });
}
