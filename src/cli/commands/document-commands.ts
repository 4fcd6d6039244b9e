/**
 * @module Document verbs: `ingest`, `docs list|show|export`, `votes`.
 */
import { writeFileSync } from 'node:fs';
import { Presets, SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { invalidParameter } from '../../domain/errors.js';
import { isLang, type Lang } from '../../domain/language-codes.js';
import {
  EXPORT_FORMATS,
  exportExpression,
  getExpression,
  getVotes,
  segmentLabel,
  type ExportFormat,
} from '../../documents/document-queries.js';
import { expandPaths } from '../../ingest/expand-paths.js';
import { ingestFiles, type IngestResult } from '../../ingest/ingest-files.js';
import { listWorks } from '../../store/repositories/documents-read.js';
import { scanEvidence } from '../../evidence/evidence-service.js';
import { annotateStale } from '../../glossary/term-annotations.js';
import { withStore, type GlobalOptions } from '../context.js';
import type { Output } from '../output.js';

function langOption(value: string | undefined, flag = '--lang'): Lang | undefined {
  if (value === undefined) return undefined;
  if (!isLang(value))
    throw invalidParameter(flag, `expected one of ar, zh, en, fr, ru, es, got '${value}'`);
  return value;
}

function summarize(results: readonly IngestResult[]) {
  return {
    ok: results.filter((r) => r.status === 'ok').length,
    skipped: results.filter((r) => r.status === 'skipped').length,
    error: results.filter((r) => r.status === 'error').length,
  };
}

export function registerDocumentCommands(program: Command, out: Output): void {
  const globals = () => program.opts<GlobalOptions>();

  program
    .command('ingest <paths...>')
    .description(
      'ingest UN documents (txt, docx, pdf, html, Akoma Ntoso xml): files, directories or globs',
    )
    .option('--symbol <symbol>', 'the UN symbol of the document(s), when the file does not give it')
    .option(
      '--lang <xx>',
      'the language, when detection should not decide (ar, zh, en, fr, ru, es)',
    )
    .option('--json', 'print JSON only')
    .action(
      async (paths: string[], options: { symbol?: string; lang?: string; json?: boolean }) => {
        const lang = langOption(options.lang);
        const { files, missing } = expandPaths(paths);
        const inputs = files.map((path) => ({ name: path, path }));
        const bar =
          process.stderr.isTTY && !options.json
            ? new SingleBar(
                { format: 'ingesting {bar} {value}/{total} {file}', hideCursor: true },
                Presets.shades_classic,
              )
            : null;
        bar?.start(inputs.length, 0, { file: '' });
        // SIGTERM or Ctrl-C: finish the file in hand, commit, report the rest as not ingested.
        const stop = new AbortController();
        const interrupt = () => {
          out.error('pillars: stopping after the current file…');
          stop.abort();
        };
        process.once('SIGTERM', interrupt);
        process.once('SIGINT', interrupt);
        const results = await withStore(globals(), async (store) => {
          const results = await ingestFiles(
            store,
            inputs,
            { symbol: options.symbol, lang, signal: stop.signal },
            (result) => bar?.increment({ file: result.file.split('/').at(-1) ?? '' }),
          );
          // New language versions become evidence suggestions (pillars evidence list); after an
          // interruption they wait for the next ingest or `evidence suggest`.
          if (results.some((r) => r.status === 'ok') && !stop.signal.aborted) {
            await scanEvidence(store.db);
            await annotateStale(store.db);
          }
          return results;
        }).finally(() => {
          process.off('SIGTERM', interrupt);
          process.off('SIGINT', interrupt);
        });
        bar?.stop();
        const all: IngestResult[] = [
          ...missing.map((m): IngestResult => ({
            file: m,
            status: 'error',
            reason: 'no such file or no match',
          })),
          ...results,
        ];
        const summary = summarize(all);
        if (options.json) out.json({ results: all, summary });
        else {
          out.table(
            ['status', 'file', 'document', 'lang', 'detail'],
            all.map((r) => [
              r.status,
              r.file,
              r.symbol ?? r.workId ?? '',
              r.lang ?? '',
              r.status === 'ok'
                ? `version ${r.version ?? 1}, ${r.segments ?? 0} segments${r.warnings?.length ? `; ${r.warnings.join('; ')}` : ''}${r.reason ? `; ${r.reason}` : ''}`
                : (r.reason ?? ''),
            ]),
          );
          out.line(`${summary.ok} ingested, ${summary.skipped} skipped, ${summary.error} failed`);
        }
        for (const r of all.filter((x) => x.status === 'error'))
          out.error(`pillars: ${r.file}: ${r.reason ?? 'failed'}`);
        if (summary.error > 0) process.exitCode = 1;
      },
    );

  const docs = program.command('docs').description('documents: list, show, export');

  docs
    .command('list')
    .description('list ingested documents')
    .option('--lang <xx>', 'only documents with a version in this language')
    .option('--meeting <id>', 'only documents of this meeting (e.g. NPT-2015-PC2)')
    .option('--type <series>', 'only this document series (WP, RES, INF, L, …)')
    .option('--year <yyyy>', 'only documents dated in this year')
    .option('--json', 'print JSON only')
    .action(
      async (options: {
        lang?: string;
        meeting?: string;
        type?: string;
        year?: string;
        json?: boolean;
      }) => {
        const year = options.year === undefined ? undefined : Number(options.year);
        if (year !== undefined && !(Number.isInteger(year) && year > 1945 && year < 2100))
          throw invalidParameter('--year', `expected a year such as 2013, got '${options.year}'`);
        const page = await withStore(globals(), (store) =>
          listWorks(store.db, {
            lang: langOption(options.lang),
            meetingId: options.meeting,
            docType: options.type?.toUpperCase(),
            year,
            limit: 100_000,
            offset: 0,
          }),
        );
        if (options.json) return out.json(page.items);
        out.table(
          ['document', 'languages', 'date', 'meeting', 'title'],
          page.items.map((w) => [
            w.symbol ?? w.id,
            w.languages.join(' '),
            w.date ?? '',
            w.meetingId ?? '',
            (w.title ?? '').slice(0, 80),
          ]),
        );
        out.line(`${page.total} documents`);
      },
    );

  docs
    .command('show <symbol>')
    .description('one language version of a document: its segments with their eIds, in order')
    .option('--lang <xx>', 'the language version (the original by default)')
    .option('--version <n>', 'an earlier version (the current one by default)')
    .option('--json', 'print JSON only')
    .action(
      async (symbol: string, options: { lang?: string; version?: string; json?: boolean }) => {
        const version = options.version === undefined ? undefined : Number(options.version);
        if (version !== undefined && !(Number.isInteger(version) && version > 0))
          throw invalidParameter(
            '--version',
            `expected a version number, got '${options.version}'`,
          );
        const doc = await withStore(globals(), (store) =>
          getExpression(store.db, symbol, langOption(options.lang), version),
        );
        if (options.json) return out.json(doc);
        const { work, expression, segments } = doc;
        out.line(
          `${work.symbol ?? work.id} — ${expression.lang}${expression.revision ? ` ${expression.revision}` : ''}, version ${expression.version}${expression.current ? '' : ' (superseded)'}`,
        );
        if (expression.title) out.line(expression.title);
        out.line(
          `meeting: ${work.meetingId ?? 'none'}; date: ${expression.date ?? 'unknown'}; file: ${expression.manifestation.fileName}`,
        );
        out.table(
          ['eId', 'text'],
          segments.map((s) => [
            s.eId,
            `${segmentLabel(s) ? `${segmentLabel(s)} ` : ''}${s.text.length > 110 ? `${s.text.slice(0, 110)}…` : s.text}`,
          ]),
        );
      },
    );

  docs
    .command('export <symbol>')
    .description('export a language version as Akoma Ntoso XML, JSON or plain text')
    .requiredOption('--lang <xx>', 'the language version')
    .option('--format <format>', `one of ${EXPORT_FORMATS.join(', ')}`, 'akn')
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .action(async (symbol: string, options: { lang: string; format: string; output?: string }) => {
      if (!(EXPORT_FORMATS as readonly string[]).includes(options.format))
        throw invalidParameter('--format', `expected one of ${EXPORT_FORMATS.join(', ')}`);
      const doc = await withStore(globals(), (store) =>
        getExpression(store.db, symbol, langOption(options.lang)),
      );
      const text = exportExpression(doc, options.format as ExportFormat);
      if (options.output) writeFileSync(options.output, text);
      else process.stdout.write(text);
    });

  program
    .command('votes <symbol>')
    .description('the recorded vote of a resolution, per language version')
    .option('--lang <xx>', 'only this language version')
    .option('--json', 'print JSON only')
    .action(async (symbol: string, options: { lang?: string; json?: boolean }) => {
      const votes = await withStore(globals(), (store) =>
        getVotes(store.db, symbol, langOption(options.lang)),
      );
      if (options.json) return out.json(options.lang && votes.length === 1 ? votes[0] : votes);
      out.table(
        ['lang', 'in favour', 'against', 'abstaining', 'unresolved'],
        votes.map((v) => [
          v.lang,
          String(v.inFavour.length),
          String(v.against.length),
          String(v.abstaining.length),
          v.unresolved.join('; ') || '0',
        ]),
      );
    });
}
