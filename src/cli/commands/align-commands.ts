/**
 * @module Language versions side by side and comparison: `align`, `tmx`, `diff`.
 */
import { createWriteStream, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { AlignmentCorrection } from '../../domain/alignment.js';
import { invalidParameter } from '../../domain/errors.js';
import { isLang, LANGUAGES, type Lang } from '../../domain/language-codes.js';
import { alignWork, correctAlignment, sentenceLinks } from '../../align/align-work.js';
import { alignmentView, linkType } from '../../align/alignment-view.js';
import { corpusTmx, workSentenceTmx, workTmx } from '../../align/export-tmx.js';
import { compareDocuments, comparisonView, type Comparison } from '../../diff/compare-documents.js';
import { redlineDocx } from '../../diff/redline-docx.js';
import { redlineHtml } from '../../diff/redline-html.js';
import { withStore, type GlobalOptions } from '../context.js';
import { clip, type Output } from '../output.js';

function langList(value: string | undefined, flag: string, min: number): Lang[] | undefined {
  if (value === undefined) return undefined;
  const langs = value
    .split(',')
    .map((l) => l.trim())
    .filter(Boolean);
  for (const lang of langs)
    if (!isLang(lang))
      throw invalidParameter(
        flag,
        `expected languages among ${LANGUAGES.join(', ')}, got '${lang}'`,
      );
  if (new Set(langs).size !== langs.length)
    throw invalidParameter(flag, `a language is named twice in '${value}'`);
  if (langs.length < min)
    throw invalidParameter(flag, `name at least ${min} languages, e.g. en,zh (got '${value}')`);
  return langs as Lang[];
}

function singleLang(value: string | undefined, flag: string): Lang | undefined {
  return langList(value, flag, 1)?.[0];
}

/** `para_1,para_2=p_3` → the eIds of side A and side B. */
function correctionOf(op: 'link' | 'unlink', value: string, flag: string): AlignmentCorrection {
  const [left, right, extra] = value.split('=');
  if (left === undefined || right === undefined || extra !== undefined)
    throw invalidParameter(
      flag,
      `expected A_EIDS=B_EIDS such as para_1,para_2=para_1, got '${value}'`,
    );
  const ids = (part: string) =>
    part
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  return { op, a: ids(left), b: ids(right) };
}

function printComparison(out: Output, comparison: Comparison): void {
  const { older, newer, changes, summary } = comparison;
  out.line(`${older.label} → ${newer.label} (${newer.lang})`);
  out.table(
    ['change', 'older', 'newer', 'text'],
    changes
      .filter((c) => c.kind !== 'equal')
      .map((c) => {
        const text =
          c.words
            ?.filter((w) => w.op !== 'equal')
            .map((w) => `${w.op === 'insert' ? '+' : '−'}[${w.text.trim()}]`)
            .join(' ') ?? (c.b !== null ? newer.segments[c.b]!.text : older.segments[c.a!]!.text);
        return [
          c.kind,
          c.a === null ? '' : older.segments[c.a]!.eId,
          c.b === null ? '' : newer.segments[c.b]!.eId,
          clip(text, 90),
        ];
      }),
  );
  out.line(
    `${summary.changed} changed, ${summary.inserted} inserted, ${summary.deleted} deleted, ${summary.moved} moved, ${summary.equal} unchanged`,
  );
}

export function registerAlignCommands(program: Command, out: Output): void {
  const globals = () => program.opts<GlobalOptions>();

  program
    .command('align <symbol>')
    .description(
      'align two language versions of a document paragraph by paragraph (stored; corrections win)',
    )
    .requiredOption('--langs <a,b>', 'the two languages, e.g. en,zh')
    .option('--tmx <file>', 'also write the aligned pair as TMX 1.4b')
    .option('--sentences', 'also align the sentences inside each pair of paragraphs (and in --tmx)')
    .option('--refresh', 'align again even if a stored alignment is up to date')
    .option('--link <A=B>', "correct: these segments form one link, e.g. 'p_1,p_2=p_1'")
    .option('--unlink <A=B>', "correct: these segments have no counterpart, e.g. 'p_3='")
    .option('--by <name>', 'who makes the correction (required with --link or --unlink)')
    .option('--comment <text>', 'why the correction was made')
    .option('--json', 'print JSON only')
    .action(
      async (
        symbol: string,
        options: {
          langs: string;
          tmx?: string;
          sentences?: boolean;
          refresh?: boolean;
          link?: string;
          unlink?: string;
          by?: string;
          comment?: string;
          json?: boolean;
        },
      ) => {
        const langs = langList(options.langs, '--langs', 2)!;
        if (langs.length !== 2)
          throw invalidParameter('--langs', 'align takes exactly two languages (tmx takes more)');
        const pair = [langs[0]!, langs[1]!] as const;
        if (options.link !== undefined && options.unlink !== undefined)
          throw invalidParameter('--link', 'give --link or --unlink, not both');
        const correction =
          options.link !== undefined
            ? correctionOf('link', options.link, '--link')
            : options.unlink !== undefined
              ? correctionOf('unlink', options.unlink, '--unlink')
              : undefined;
        if (correction && !options.by?.trim())
          throw invalidParameter('--by', 'say who makes the correction (--by "Name")');
        const { alignment, tmx, sentences } = await withStore(globals(), async (store) => {
          const alignment = correction
            ? await correctAlignment(store.db, {
                symbol,
                langs: pair,
                correction,
                actor: options.by!.trim(),
                comment: options.comment ?? null,
              })
            : await alignWork(store.db, { symbol, langs: pair, refresh: options.refresh === true });
          const tmx = !options.tmx
            ? undefined
            : options.sentences
              ? await workSentenceTmx(store.db, symbol, pair)
              : await workTmx(store.db, symbol, pair);
          const sentences = options.sentences ? await sentenceLinks(store.db, alignment) : [];
          return { alignment, tmx, sentences };
        });
        if (tmx && options.tmx) writeFileSync(options.tmx, tmx.tmx);
        const json = alignmentView(alignment);
        const sentencePairs = sentences.map((s) => ({
          link: s.link,
          pairs: s.links.map((l) => ({
            a: l.a.map((i) => s.a[i]!.trim()),
            b: l.b.map((i) => s.b[i]!.trim()),
            score: Math.round(l.score * 1000) / 1000,
          })),
        }));
        if (options.json)
          return out.json(options.sentences ? { ...json, sentences: sentencePairs } : json);
        const { a, b } = alignment;
        out.line(
          `${json.document}: ${a.expression.lang} (${a.segments.length} segments) ↔ ${b.expression.lang} (${b.segments.length} segments)`,
        );
        out.table(
          ['link', a.expression.lang, b.expression.lang, 'score', 'text'],
          alignment.links.map((link, i) => [
            linkType(link),
            json.links[i]!.a.join(' '),
            json.links[i]!.b.join(' '),
            `${json.links[i]!.score}${link.origin === 'manual' ? ' (manual)' : ''}`,
            clip(
              `${link.a.map((p) => a.segments[p]!.text).join(' ')} ‖ ${link.b.map((p) => b.segments[p]!.text).join(' ')}`,
              80,
            ),
          ]),
        );
        const counts = new Map<string, number>();
        for (const link of json.links) counts.set(link.type, (counts.get(link.type) ?? 0) + 1);
        out.line(
          `${json.links.length} links (${[...counts].map(([t, n]) => `${n} × ${t}`).join(', ')}); ${json.corrections.length} corrections`,
        );
        if (options.sentences) {
          out.table(
            ['link', a.expression.lang, b.expression.lang],
            sentencePairs.flatMap((s) =>
              s.pairs.map((p) => [
                `${json.links[s.link]!.a.join(' ')} ${p.a.length}-${p.b.length}`,
                clip(p.a.join(' '), 60),
                clip(p.b.join(' '), 60),
              ]),
            ),
          );
        }
        if (tmx && options.tmx) out.line(`TMX: ${tmx.units} units → ${options.tmx}`);
      },
    );

  program
    .command('tmx [symbol]')
    .description('export aligned language versions as TMX 1.4b: one document, or --all')
    .option(
      '--langs <list>',
      'languages to include, e.g. en,fr,zh (all the document has by default)',
    )
    .option('--all', 'every document with two or more languages')
    .requiredOption('-o, --out <file>', 'the TMX file to write')
    .action(
      async (
        symbol: string | undefined,
        options: { langs?: string; all?: boolean; out: string },
      ) => {
        const langs = langList(options.langs, '--langs', 2);
        if ((symbol === undefined) === (options.all !== true))
          throw invalidParameter('symbol', 'name a document, or give --all (not both)');
        if (symbol !== undefined) {
          const { tmx, units } = await withStore(globals(), (store) =>
            workTmx(store.db, symbol, langs),
          );
          writeFileSync(options.out, tmx);
          out.line(`${units} translation units → ${options.out}`);
          return;
        }
        const file = createWriteStream(options.out);
        const counts = await withStore(globals(), (store) =>
          corpusTmx(
            store.db,
            (chunk) =>
              new Promise<void>((resolve, reject) => {
                if (file.write(chunk)) resolve();
                else file.once('drain', resolve).once('error', reject);
              }),
            langs,
          ),
        );
        await new Promise<void>((resolve, reject) =>
          file.end(() => resolve()).once('error', reject),
        );
        out.line(
          `${counts.units} translation units from ${counts.works} documents → ${options.out}`,
        );
      },
    );

  program
    .command('diff <older> <newer>')
    .description(
      'compare two texts (symbols, symbol@version, or files): inserted, deleted, changed and moved paragraphs, with word changes',
    )
    .option('--lang <xx>', 'the language to compare (one both have by default)')
    .option('--across <xx>', 'also show each change in this language, through the alignments')
    .option('--format <format>', 'json, html or docx (a table on the terminal by default)')
    .option('--out <file>', 'write to a file (required for docx)')
    .option('--by <name>', 'the author of the tracked changes in docx', 'Pillars')
    .action(
      async (
        older: string,
        newer: string,
        options: { lang?: string; across?: string; format?: string; out?: string; by: string },
      ) => {
        const format = options.format;
        if (format !== undefined && !['json', 'html', 'docx'].includes(format))
          throw invalidParameter('--format', `expected json, html or docx, got '${format}'`);
        if (format === 'docx' && !options.out)
          throw invalidParameter('--out', 'a .docx goes to a file: give --out FILE');
        const comparison = await withStore(globals(), (store) =>
          compareDocuments(store.db, {
            older,
            newer,
            allowFiles: true,
            ...(options.lang ? { lang: singleLang(options.lang, '--lang')! } : {}),
            ...(options.across ? { across: singleLang(options.across, '--across')! } : {}),
          }),
        );
        const input = {
          title: `${comparison.older.label} → ${comparison.newer.label}`,
          older: {
            label: comparison.older.label,
            lang: comparison.older.lang,
            segments: comparison.older.segments,
          },
          newer: {
            label: comparison.newer.label,
            lang: comparison.newer.lang,
            segments: comparison.newer.segments,
          },
          changes: comparison.changes,
        };
        const emit = (text: string | Buffer) => {
          if (options.out) writeFileSync(options.out, text);
          else process.stdout.write(text);
        };
        if (format === 'json')
          return emit(`${JSON.stringify(comparisonView(comparison), null, 2)}\n`);
        if (format === 'html') return emit(redlineHtml(input));
        if (format === 'docx') {
          emit(await redlineDocx({ ...input, author: options.by, date: new Date().toISOString() }));
          out.error(`pillars: tracked changes by ${options.by} → ${options.out}`);
          return;
        }
        printComparison(out, comparison);
      },
    );
}
