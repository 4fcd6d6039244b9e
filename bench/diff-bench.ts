/**
 * Document comparison benchmark: two deterministic ~100-page expressions (800 paragraphs, about
 * 300 KB a side) in English and Chinese, built from the real sample texts, the newer one with 40
 * scattered edits (words changed, paragraphs moved, moved and changed, inserted, deleted). Times
 * `compareSegments` and the HTML redline over them, against jsdiff run over the two whole texts
 * (diffWords for English, diffArrays over the same word tokens for Chinese), and checks that the
 * comparison found what was planted. Figures, not tests.
 */
import { readFileSync } from 'node:fs';
import { diffArrays, diffWords } from 'diff';
import type { AlignLang } from '../src/domain/alignment.js';
import { compareSegments, summarizeChanges } from '../src/diff/compare-segments.js';
import { redlineDocx } from '../src/diff/redline-docx.js';
import { redlineHtml } from '../src/diff/redline-html.js';
import { wordTokens } from '../src/diff/word-tokens.js';
import { assembleParagraphs } from '../src/ingest/text/line-breaks.js';
import { measure, round, writeResult, type BenchFigure } from './bench-helpers.js';

const SAMPLES = new URL('../data/samples/', import.meta.url);
const PARAGRAPHS = 800;
/** One edit per slot of paragraphs, so that no two edits touch and each is found on its own. */
const SLOT = PARAGRAPHS / 40;
const PLANTED = { changed: 12, deleted: 10, inserted: 10, moved: 8 } as const;

/** A small seeded generator (mulberry32), so every run builds the same texts. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Language {
  readonly lang: Extract<AlignLang, 'en' | 'zh'>;
  /** The pieces a paragraph is made of (words, or characters for Chinese) and how they join. */
  readonly units: readonly string[];
  readonly joiner: string;
  /** Units per chunk and chunks per paragraph. */
  readonly chunk: readonly [number, number];
  readonly chunks: readonly [number, number];
}

function readSample(path: string): string {
  return readFileSync(new URL(path, SAMPLES), 'utf8');
}

function languages(): Language[] {
  const en = readSample('un-ga-res-55-100/UN_GA_res55-100.en.txt')
    .split('\n')
    .flatMap((line) => line.split(/\s+/u))
    .filter((w) => w !== '');
  const seed = assembleParagraphs(readSample('seed/p5-joint-statement-2013.zh.txt').split('\n'));
  const zhText = [
    ...seed.slice(4),
    ...readSample('un-ga-res-55-100/UN_GA_res55-100.zh.txt').split('\n'),
  ]
    .join('')
    .replace(/\s+/gu, '');
  return [
    { lang: 'en', units: en, joiner: ' ', chunk: [10, 20], chunks: [3, 5] },
    { lang: 'zh', units: [...zhText], joiner: '', chunk: [25, 45], chunks: [3, 4] },
  ];
}

/** A paragraph of a few random stretches of the source, so paragraphs differ from each other. */
function paragraphOf(language: Language, next: () => number): string {
  const between = ([lo, hi]: readonly [number, number]) => lo + Math.floor(next() * (hi - lo + 1));
  const parts: string[] = [];
  for (let c = between(language.chunks); c > 0; c--) {
    const length = between(language.chunk);
    const start = Math.floor(next() * (language.units.length - length));
    parts.push(language.units.slice(start, start + length).join(language.joiner));
  }
  return parts.join(language.joiner);
}

/** Replaces `count` units of a paragraph by random units of the source. */
function changeWords(text: string, language: Language, count: number, next: () => number) {
  const units = language.joiner === '' ? [...text] : text.split(language.joiner);
  for (let k = 0; k < count; k++) {
    const at = Math.floor(next() * units.length);
    units[at] = language.units[Math.floor(next() * language.units.length)]!;
  }
  return units.join(language.joiner);
}

interface Pair {
  readonly older: { eId: string; text: string }[];
  readonly newer: { eId: string; text: string }[];
}

/** The two expressions: 800 paragraphs, and a copy with one planted edit per slot of 20. */
function buildPair(language: Language, seed: number): Pair {
  const next = prng(seed);
  const older = Array.from({ length: PARAGRAPHS }, (_, i) => ({
    eId: `para_${i + 1}`,
    text: paragraphOf(language, next),
  }));
  const kinds = [
    ...Array<string>(PLANTED.changed).fill('changed'),
    ...Array<string>(PLANTED.deleted).fill('deleted'),
    ...Array<string>(PLANTED.inserted).fill('inserted'),
    ...Array<string>(PLANTED.moved / 2).fill('moved'),
    ...Array<string>(PLANTED.moved / 2).fill('moved and changed'),
  ];
  for (let i = kinds.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [kinds[i], kinds[j]] = [kinds[j]!, kinds[i]!];
  }
  // Work slot by slot from the end so that earlier positions stay valid.
  type Entry = { eId: string; text: string };
  const newer: (Entry | null)[] = older.map((s) => ({ ...s }));
  const arrivals = new Map<number, Entry[]>();
  let inserted = 0;
  kinds.forEach((kind, slot) => {
    const at = slot * SLOT + 2 + Math.floor(next() * (SLOT - 4));
    const here = newer[at]!;
    if (kind === 'changed') here.text = changeWords(here.text, language, 3, next);
    else if (kind === 'deleted') newer[at] = null;
    else if (kind === 'inserted') {
      const list = arrivals.get(at) ?? [];
      list.push({ eId: `new_${++inserted}`, text: paragraphOf(language, next) });
      arrivals.set(at, list);
    } else {
      newer[at] = null;
      // To the middle of a slot at least two slots away.
      const target = ((slot + 2 + Math.floor(next() * 36)) % 40) * SLOT + SLOT / 2;
      const text = kind === 'moved' ? here.text : changeWords(here.text, language, 1, next);
      const list = arrivals.get(target) ?? [];
      list.push({ eId: here.eId, text });
      arrivals.set(target, list);
    }
  });
  const out: Entry[] = [];
  newer.forEach((entry, i) => {
    out.push(...(arrivals.get(i) ?? []));
    if (entry !== null) out.push(entry);
  });
  return { older, newer: out };
}

function bytesOf(segments: readonly { text: string }[]): number {
  return segments.reduce((n, s) => n + Buffer.byteLength(s.text) + 1, 0);
}

function timeOnce(work: () => unknown): number {
  const start = performance.now();
  work();
  return performance.now() - start;
}

export async function runDiffBench(): Promise<string> {
  const details: Record<string, unknown> = {};
  const figures: BenchFigure[] = [];
  let worst = { lang: '', ms: 0, baselineMs: 0, baselineName: '' };
  const corpus: Record<string, number | string> = { paragraphsPerSide: PARAGRAPHS, edits: 40 };

  for (const [i, language] of languages().entries()) {
    const { lang } = language;
    const { older, newer } = buildPair(language, 2013 + i);
    const title = `Benchmark (${lang})`;
    let changes = compareSegments(older, newer, lang);
    const found = summarizeChanges(changes);
    const compareMs = 1000 / (await measure(() => void compareSegments(older, newer, lang)));
    const totalMs =
      1000 /
      (await measure(() => {
        changes = compareSegments(older, newer, lang);
        redlineHtml({
          title,
          older: { label: 'older', lang, segments: older },
          newer: { label: 'newer', lang, segments: newer },
          changes,
        });
      }));
    const input = {
      title,
      older: { label: 'older', lang, segments: older },
      newer: { label: 'newer', lang, segments: newer },
      changes,
      author: 'bench',
      date: '2013-04-19T00:00:00Z',
    };
    await redlineDocx(input);
    const docxStart = performance.now();
    await redlineDocx(input);
    const docxMs = performance.now() - docxStart;

    const olderText = older.map((s) => s.text).join('\n\n');
    const newerText = newer.map((s) => s.text).join('\n\n');
    const baselineName =
      lang === 'en'
        ? 'jsdiff diffWords over the two whole texts'
        : 'jsdiff diffArrays over the two whole texts’ word tokens';
    const baseline = () =>
      lang === 'en'
        ? diffWords(olderText, newerText)
        : diffArrays(wordTokens(olderText, lang), wordTokens(newerText, lang));
    // The baseline takes seconds on Chinese: once is enough there.
    const firstMs = timeOnce(baseline);
    const baselineMs = firstMs > 2000 ? firstMs : Math.min(firstMs, timeOnce(baseline));

    corpus[`bytes_${lang}`] = bytesOf(older);
    details[lang] = {
      olderParagraphs: older.length,
      newerParagraphs: newer.length,
      olderKiB: round(bytesOf(older) / 1024, 1),
      newerKiB: round(bytesOf(newer) / 1024, 1),
      planted: {
        ...PLANTED,
        equal: PARAGRAPHS - PLANTED.changed - PLANTED.deleted - PLANTED.moved,
      },
      found,
      foundAsPlanted:
        found.changed === PLANTED.changed &&
        found.deleted === PLANTED.deleted &&
        found.inserted === PLANTED.inserted &&
        found.moved === PLANTED.moved,
      compareMs: round(compareMs, 2),
      compareAndHtmlMs: round(totalMs, 2),
      docxMs: round(docxMs, 1),
      baseline: { name: baselineName, ms: round(baselineMs, 1) },
    };
    figures.push({
      name: `100-page comparison time, ${lang} (compareSegments + HTML redline)`,
      value: round(totalMs, 2),
      unit: 'ms',
      baseline: { name: baselineName, value: round(baselineMs, 1) },
      ratio: round(totalMs / baselineMs, 4),
      target: '< 1000 ms',
    });
    if (totalMs > worst.ms) worst = { lang, ms: totalMs, baselineMs, baselineName };
  }

  figures.unshift({
    name: '100-page comparison time',
    value: round(worst.ms, 2),
    unit: 'ms',
    baseline: { name: `${worst.baselineName} (${worst.lang})`, value: round(worst.baselineMs, 1) },
    ratio: round(worst.ms / worst.baselineMs, 4),
    target: '< 1000 ms',
  });
  return writeResult({
    benchmark: 'diff',
    description:
      'Paragraph comparison (compareSegments: LCS anchors over normalised paragraphs, exact moves, changed and moved-and-changed pairs from prefix-filtered candidates, word differences) plus the HTML redline, over two deterministic ~100-page expressions (800 paragraphs a side from the A/RES/55/100 sample and the P5 statement) with 40 planted edits, in English and Chinese; the slower language is the headline. Baseline in the same run: jsdiff over the two whole texts at word level, which gives no paragraph structure, moves or per-paragraph similarity.',
    corpus,
    figures,
    details,
  });
}
