/**
 * @module Glossary verbs that take text in or out: `glossary import|export|check|annotate`.
 */
import { writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { Command } from 'commander';
import { invalidData, invalidParameter } from '../../domain/errors.js';
import {
  checkDocument,
  checkFiles,
  type ConsistencyReport,
} from '../../glossary/consistency-check.js';
import {
  EXPORT_FORMATS,
  exportGlossary,
  importGlossary,
  type GlossaryExportFormat,
} from '../../glossary/glossary-exchange.js';
import { glossaryMatcher } from '../../glossary/term-annotations.js';
import { consistencyReportHtml } from '../../reports/consistency-report-html.js';
import { withStore, type GlobalOptions } from '../context.js';
import { clip, type Output } from '../output.js';
import { langOption } from './glossary-options.js';
import { readDataText } from '../../reference/read-data-file.js';

export function registerGlossaryExchangeCommands(
  glossary: Command,
  globals: () => GlobalOptions,
  out: Output,
): void {
  glossary
    .command('import <file>')
    .description(
      'import TBX or CSV: all entries or none; a report per entry (exit 1 if any is rejected)',
    )
    .requiredOption('--by <name>', 'who imports (kept on every revision)')
    .option('--format <format>', 'tbx or csv (default: from the file extension)')
    .option('--mode <mode>', 'merge (unite with stored concepts) or replace', 'merge')
    .option('--comment <text>', 'why')
    .option('--dry-run', 'report what would happen, write nothing')
    .option('--json', 'print JSON only')
    .action(
      async (
        file: string,
        options: {
          by: string;
          format?: string;
          mode: string;
          comment?: string;
          dryRun?: boolean;
          json?: boolean;
        },
      ) => {
        const format = options.format ?? (extname(file).toLowerCase() === '.csv' ? 'csv' : 'tbx');
        if (format !== 'tbx' && format !== 'csv')
          throw invalidParameter('--format', `expected tbx or csv, got '${format}'`);
        if (options.mode !== 'merge' && options.mode !== 'replace')
          throw invalidParameter('--mode', `expected merge or replace, got '${options.mode}'`);
        const content = readDataText(file);
        const report = await withStore(globals(), (store) =>
          importGlossary(store.db, {
            format,
            content,
            actor: options.by,
            mode: options.mode as 'merge' | 'replace',
            ...(options.comment !== undefined ? { comment: options.comment } : {}),
            dryRun: options.dryRun === true,
          }).catch((error: unknown) => {
            if (error instanceof Error && !('code' in error && typeof error.code === 'string'))
              throw invalidData(file, error.message);
            throw error;
          }),
        );
        if (report.counts.rejected > 0) process.exitCode = 1;
        if (options.json) return out.json(report);
        const interesting = report.results.filter((r) => r.outcome !== 'unchanged');
        if (interesting.length > 0)
          out.table(
            ['line', 'concept', 'outcome', 'reason'],
            interesting.map((r) => [
              r.line === undefined ? '' : String(r.line),
              r.conceptId,
              r.outcome,
              clip(r.reason, 70),
            ]),
          );
        for (const w of report.warnings.slice(0, 20)) out.error(`pillars: warning: ${w}`);
        const c = report.counts;
        out.line(
          `${file}: ${c.added} added, ${c.changed} changed, ${c.merged} merged, ${c.unchanged} unchanged, ${c.rejected} rejected — ${
            report.applied
              ? 'imported'
              : options.dryRun
                ? 'dry run, nothing written'
                : 'nothing imported'
          }`,
        );
      },
    );

  glossary
    .command('export')
    .description(`export the glossary (or an edition) as ${EXPORT_FORMATS.join(', ')}`)
    .option('--format <format>', EXPORT_FORMATS.join(', '), 'tbx')
    .option('--edition <id>', 'a published edition instead of the current glossary')
    .option('-o, --out <file>', 'write to a file instead of stdout')
    .action(async (options: { format: string; edition?: string; out?: string }) => {
      if (!(EXPORT_FORMATS as readonly string[]).includes(options.format))
        throw invalidParameter(
          '--format',
          `expected one of ${EXPORT_FORMATS.join(', ')}, got '${options.format}'`,
        );
      const text = await withStore(globals(), (store) =>
        exportGlossary(
          store.db,
          options.format as GlossaryExportFormat,
          options.edition ? { edition: options.edition } : {},
        ),
      );
      if (options.out) {
        writeFileSync(options.out, text);
        out.error(`pillars: wrote ${options.out}`);
      } else process.stdout.write(text);
    });

  glossary
    .command('check [symbol]')
    .description(
      'translation consistency: concepts of each source paragraph named by agreed terms in the aligned target',
    )
    .requiredOption('--source <xx>', 'the source language')
    .requiredOption('--target <xx>', 'the target language')
    .option('--files <paths...>', 'two loose files (source, target) instead of a stored document')
    .option('--json', 'print JSON only')
    .option('--html', 'print a standalone HTML report')
    .action(
      async (
        symbol: string | undefined,
        options: {
          source: string;
          target: string;
          files?: string[];
          json?: boolean;
          html?: boolean;
        },
      ) => {
        const source = langOption(options.source, '--source')!;
        const target = langOption(options.target, '--target')!;
        const files = options.files;
        if (files !== undefined && files.length !== 2)
          throw invalidParameter(
            '--files',
            `expected two files (source and target), got ${files.length}`,
          );
        if (files === undefined && symbol === undefined)
          throw invalidParameter('symbol', 'give a document symbol, or --files SOURCE TARGET');
        const report: ConsistencyReport = await withStore(globals(), (store) =>
          files
            ? checkFiles(store.db, { sourceFile: files[0]!, targetFile: files[1]!, source, target })
            : checkDocument(store.db, { symbol: symbol!, source, target }),
        );
        if (options.json) return out.json(report);
        if (options.html) {
          process.stdout.write(consistencyReportHtml(report));
          return;
        }
        out.table(
          ['kind', 'concept', source, target, 'found', 'expected'],
          report.findings.map((f) => [
            f.kind,
            f.conceptId,
            `${f.sourceEid}: ${clip(f.sourceTerm, 30)}`,
            f.targetEid ?? '—',
            clip(f.targetTerm ?? '', 25),
            clip(f.expected.join(' | '), 40),
          ]),
        );
        out.line(
          `${report.symbol} ${source}→${target}: ${report.conceptsChecked} concept uses checked in ${report.sourceParagraphs} paragraphs; ${report.findings.filter((f) => f.kind === 'missing').length} missing, ${report.findings.filter((f) => f.kind === 'deprecated').length} deprecated`,
        );
      },
    );

  glossary
    .command('annotate [text]')
    .description('the glossary terms in a text (or a file with --file)')
    .option('--file <path>', 'read the text from a file')
    .option('--lang <xx>', "only this language's terms")
    .option('--json', 'print JSON only')
    .action(
      async (
        text: string | undefined,
        options: { file?: string; lang?: string; json?: boolean },
      ) => {
        const lang = langOption(options.lang, '--lang');
        const input = options.file !== undefined ? readDataText(options.file) : text;
        if (input === undefined) throw invalidParameter('text', 'give a text, or --file PATH');
        const matches = await withStore(globals(), async (store) =>
          (await glossaryMatcher(store.db)).matcher.find(input, lang ? { lang } : {}),
        );
        if (options.json) return out.json(matches);
        out.table(
          ['at', 'text', 'concept', 'lang', 'status'],
          matches.map((m) => [
            `${m.start}–${m.end}`,
            clip(input.slice(m.start, m.end), 40),
            m.conceptId,
            m.lang,
            m.status,
          ]),
        );
        out.line(`${matches.length} terms`);
      },
    );
}
