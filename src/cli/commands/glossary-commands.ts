/**
 * @module Glossary verbs: `glossary list|show|search|history|import|export|check|annotate|set|remove|
 * publish|editions`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { Command } from 'commander';
import { GLOSSARY_DOMAINS, type GlossaryDomain } from '../../domain/glossary.js';
import { invalidParameter, invalidData } from '../../domain/errors.js';
import { isLang, LANGUAGES, type Lang } from '../../domain/language-codes.js';
import {
  checkDocument,
  checkFiles,
  type ConsistencyReport,
} from '../../glossary/consistency-check.js';
import { deleteConcept, saveConcept } from '../../glossary/edit-concept.js';
import { listEditions, publishEdition } from '../../glossary/glossary-editions.js';
import {
  EXPORT_FORMATS,
  exportGlossary,
  importGlossary,
  type GlossaryExportFormat,
} from '../../glossary/glossary-exchange.js';
import {
  conceptHistory,
  getConcept,
  listConcepts,
  searchTerms,
} from '../../glossary/glossary-queries.js';
import { glossaryMatcher } from '../../glossary/term-annotations.js';
import { consistencyReportHtml } from '../../reports/consistency-report-html.js';
import { withStore, type GlobalOptions } from '../context.js';
import { clip, type Output } from '../output.js';

function langOption(value: string | undefined, flag: string): Lang | undefined {
  if (value === undefined) return undefined;
  if (!isLang(value))
    throw invalidParameter(flag, `expected one of ${LANGUAGES.join(', ')}, got '${value}'`);
  return value;
}

function domainOption(value: string | undefined): GlossaryDomain | undefined {
  if (value === undefined) return undefined;
  if (!(GLOSSARY_DOMAINS as readonly string[]).includes(value))
    throw invalidParameter(
      '--domain',
      `expected one of ${GLOSSARY_DOMAINS.join(', ')}, got '${value}'`,
    );
  return value as GlossaryDomain;
}

function readInput(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw invalidData(
      path,
      `cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    );
  }
}

export function registerGlossaryCommands(program: Command, out: Output): void {
  const globals = () => program.opts<GlobalOptions>();
  const glossary = program
    .command('glossary')
    .description('the glossary of key nuclear terms in six languages: browse, exchange, check');

  glossary
    .command('list')
    .description('concepts with their preferred terms (A–Z in a language with --lang)')
    .option('--domain <domain>', `one of ${GLOSSARY_DOMAINS.join(', ')}`)
    .option('--lang <xx>', 'sort by (and show) this language')
    .option('--letter <l>', 'only terms filed under this letter (with --lang)')
    .option('--q <text>', 'only concepts with a term containing this text, any language')
    .option('--json', 'print JSON only')
    .action(
      async (options: {
        domain?: string;
        lang?: string;
        letter?: string;
        q?: string;
        json?: boolean;
      }) => {
        const lang = langOption(options.lang, '--lang');
        const domain = domainOption(options.domain);
        const list = await withStore(globals(), (store) =>
          listConcepts(store.db, {
            ...(domain ? { domain } : {}),
            ...(lang ? { lang } : {}),
            ...(options.letter !== undefined ? { letter: options.letter } : {}),
            ...(options.q !== undefined ? { q: options.q } : {}),
            limit: 100_000,
          }),
        );
        if (options.json) return out.json(list);
        const shown = lang
          ? [lang, ...(lang === 'en' ? ['zh' as const] : ['en' as const])]
          : (['en', 'zh'] as const);
        out.table(
          ['id', 'domain', ...shown],
          list.items.map((c) => [
            c.id,
            c.domain,
            ...shown.map((l) => clip(c.preferred[l] ?? '', 40)),
          ]),
        );
        out.line(`${list.total} concepts`);
      },
    );

  glossary
    .command('show <id>')
    .description('one concept in all six languages: terms, definitions, links')
    .option('--json', 'print JSON only')
    .action(async (id: string, options: { json?: boolean }) => {
      const concept = await withStore(globals(), (store) => getConcept(store.db, id));
      if (options.json) return out.json(concept);
      out.line(`${concept.id} (${concept.domain}), revision ${concept.revision}`);
      for (const [label, ids] of [
        ['broader', concept.broader],
        ['narrower', concept.narrower],
        ['related', concept.related],
      ] as const) {
        if (ids.length > 0) out.line(`  ${label}: ${ids.join(', ')}`);
      }
      for (const lang of LANGUAGES) {
        const section = concept.languages[lang];
        if (!section) continue;
        out.line(
          `[${lang}] ${section.terms.map((t) => `${t.text} (${t.status}${t.type === 'fullForm' ? '' : `, ${t.type}`})`).join('; ')}`,
        );
        if (section.definition) {
          out.line(
            `     ${section.definition.text}${section.definition.origin === 'ours' ? ' [Pillars editors]' : section.definition.source ? ` [${section.definition.source}]` : ''}`,
          );
        }
      }
    });

  glossary
    .command('search <text>')
    .description('terms containing the text, in any language (case and accents ignored)')
    .option('--lang <xx>', 'only terms of this language')
    .option('--json', 'print JSON only')
    .action(async (text: string, options: { lang?: string; json?: boolean }) => {
      const lang = langOption(options.lang, '--lang');
      const hits = await withStore(globals(), (store) =>
        searchTerms(store.db, text, lang ? { lang } : {}),
      );
      if (options.json) return out.json(hits);
      out.table(
        ['concept', 'lang', 'term', 'status', 'en', 'zh'],
        hits.map((h) => [
          h.conceptId,
          h.lang,
          clip(h.term, 40),
          h.status,
          clip(h.preferred.en ?? '', 30),
          clip(h.preferred.zh ?? '', 20),
        ]),
      );
      out.line(`${hits.length} terms`);
    });

  glossary
    .command('history <id>')
    .description('every revision of a concept: who, when, why')
    .option('--json', 'print JSON only')
    .action(async (id: string, options: { json?: boolean }) => {
      const revisions = await withStore(globals(), (store) => conceptHistory(store.db, id));
      if (options.json) return out.json(revisions);
      out.table(
        ['revision', 'at', 'actor', 'comment'],
        revisions.map((r) => [
          String(r.revision),
          r.at,
          r.actor,
          clip(`${r.concept ? '' : '(removed) '}${r.comment}`, 60),
        ]),
      );
    });

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
        const content = readInput(file);
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
        const input = options.file !== undefined ? readInput(options.file) : text;
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

  glossary
    .command('set <file>')
    .description(
      'add or change a concept from a JSON file (the concept as `glossary show --json` prints it)',
    )
    .requiredOption('--by <name>', 'who edits')
    .requiredOption('--comment <text>', 'why')
    .option('--base-revision <n>', 'the revision the edit started from; a stale edit is refused')
    .option('--json', 'print JSON only')
    .action(
      async (
        file: string,
        options: { by: string; comment: string; baseRevision?: string; json?: boolean },
      ) => {
        let json: Record<string, unknown>;
        try {
          json = JSON.parse(readInput(file)) as Record<string, unknown>;
        } catch (error) {
          throw invalidData(file, `not valid JSON: ${(error as Error).message}`);
        }
        // What `show --json` adds is derived or kept by the store, not part of the edit.
        const concept = Object.fromEntries(
          Object.entries(json).filter(
            ([key]) => !['revision', 'updatedAt', 'narrower'].includes(key),
          ),
        );
        const base = options.baseRevision === undefined ? undefined : Number(options.baseRevision);
        if (base !== undefined && (!Number.isInteger(base) || base < 0))
          throw invalidParameter(
            '--base-revision',
            `expected a revision number, got '${options.baseRevision}'`,
          );
        const saved = await withStore(globals(), (store) =>
          saveConcept(store.db, {
            concept: concept as never,
            actor: options.by,
            comment: options.comment,
            ...(base !== undefined ? { baseRevision: base } : {}),
          }),
        );
        if (options.json) return out.json(saved);
        out.line(`${saved.id}: revision ${saved.revision}`);
      },
    );

  glossary
    .command('remove <id>')
    .description('remove a concept (its history stays; links to it are dropped)')
    .requiredOption('--by <name>', 'who removes')
    .requiredOption('--comment <text>', 'why')
    .action(async (id: string, options: { by: string; comment: string }) => {
      await withStore(globals(), (store) =>
        deleteConcept(store.db, id, { actor: options.by, comment: options.comment }),
      );
      out.line(`${id}: removed`);
    });

  glossary
    .command('publish <edition>')
    .description(
      'publish an edition: the current revision of every concept, citable and unchanging',
    )
    .requiredOption('--title <text>', 'the edition title')
    .requiredOption('--by <name>', 'who publishes')
    .option('--comment <text>', 'what the edition is')
    .option('--json', 'print JSON only')
    .action(
      async (
        id: string,
        options: { title: string; by: string; comment?: string; json?: boolean },
      ) => {
        const edition = await withStore(globals(), (store) =>
          publishEdition(store.db, {
            id,
            title: options.title,
            actor: options.by,
            ...(options.comment !== undefined ? { comment: options.comment } : {}),
          }),
        );
        if (options.json) return out.json(edition);
        out.line(
          `edition ${edition.id}: ${edition.conceptCount} concepts, published ${edition.publishedAt}`,
        );
      },
    );

  glossary
    .command('editions')
    .description('the published editions')
    .option('--json', 'print JSON only')
    .action(async (options: { json?: boolean }) => {
      const editions = await withStore(globals(), (store) => listEditions(store.db));
      if (options.json) return out.json(editions);
      out.table(
        ['edition', 'title', 'concepts', 'published', 'by'],
        editions.map((e) => [e.id, e.title, String(e.conceptCount), e.publishedAt, e.actor]),
      );
    });
}
