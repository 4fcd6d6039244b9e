/**
 * Inputs with gold links for the alignment benchmark, all built deterministically from the GA
 * sample (data/samples/un-ga-res-55-100, one resolution in six languages, line i of every file
 * the translation of line i of the others):
 * - `sample`: the 15 language pairs, the raw lines as units, gold line i ↔ line i;
 * - `perturbed`: for every pair, one copy per perturbation (merge, split, drop, swap) applied to
 *   one side chosen by a seeded PRNG, with the gold that follows from it;
 * - `large`: 5,000-paragraph pairs for en–zh, en–fr, en–ar, en–ru and ar–zh, each paragraph a
 *   seeded concatenation of 1–3 GA lines (the same lines in both languages), with paragraphs
 *   merged, split and dropped on either side so that the gold is not the diagonal.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LANGUAGES, type Lang } from '../src/domain/languages.js';

export const SAMPLE_DIR = fileURLToPath(
  new URL('../data/samples/un-ga-res-55-100/', import.meta.url),
);

/** A gold link: indexes of A and of B (either may be empty). */
export interface GoldLink {
  readonly a: readonly number[];
  readonly b: readonly number[];
}

export type Perturbation = 'merge' | 'split' | 'drop' | 'swap';

export interface AlignInput {
  /** `ga.en-zh`, `ga-merge.en-zh`, `large.en-zh`. */
  readonly name: string;
  readonly kind: 'sample' | 'perturbed' | 'large';
  readonly perturbation?: Perturbation;
  /** Which side the perturbation was applied to. */
  readonly perturbedSide?: 'a' | 'b';
  readonly langA: Lang;
  readonly langB: Lang;
  readonly a: readonly string[];
  readonly b: readonly string[];
  readonly gold: readonly GoldLink[];
  /** Large inputs: the GA lines each unit is made of, per side (a compact, rebuildable form). */
  readonly recipe?: {
    readonly a: readonly (readonly number[])[];
    readonly b: readonly (readonly number[])[];
  };
}

/** A small seeded PRNG (32-bit, SplitMix-style mixing): the same seed gives the same corpus everywhere. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    z = (z ^ (z >>> 16)) >>> 0;
    return z / 2 ** 32;
  };
}

export function readGaLines(dir: string = SAMPLE_DIR): Record<Lang, string[]> {
  const lines = {} as Record<Lang, string[]>;
  for (const lang of LANGUAGES) {
    const text = readFileSync(`${dir}UN_GA_res55-100.${lang}.txt`, 'utf8');
    const split = text.split(/\r?\n/);
    if (split[split.length - 1] === '') split.pop();
    lines[lang] = split;
  }
  return lines;
}

/** The 15 unordered pairs of the six languages, in the UN order. */
export function languagePairs(): [Lang, Lang][] {
  const pairs: [Lang, Lang][] = [];
  LANGUAGES.forEach((x, i) => LANGUAGES.slice(i + 1).forEach((y) => pairs.push([x, y])));
  return pairs;
}

/** Joins units as a document would: Chinese runs sentences on without a space. */
export function joinUnits(parts: readonly string[], lang: Lang): string {
  return parts.join(lang === 'zh' ? '' : ' ');
}

const diagonal = (count: number): GoldLink[] =>
  Array.from({ length: count }, (_, i) => ({ a: [i], b: [i] }));

export function sampleInputs(lines: Record<Lang, string[]>): AlignInput[] {
  return languagePairs().map(([langA, langB]) => ({
    name: `ga.${langA}-${langB}`,
    kind: 'sample',
    langA,
    langB,
    a: lines[langA],
    b: lines[langB],
    gold: diagonal(lines[langA].length),
  }));
}

/**
 * Where a line may be split in two: after a sentence or clause mark followed by a space (or, in
 * Chinese, right after a full-width mark), preferring sentence and semicolon marks to commas,
 * and the one nearest the middle; null when the line has none in its middle half.
 */
export function splitPoint(text: string): number | null {
  const strong = /[.;؛。；：:](?:\s+|(?=[^\s\d]))/gu;
  const weak = /[,،，、](?:\s+|(?=\S))/gu;
  for (const pattern of [strong, weak]) {
    let best: number | null = null;
    for (const match of text.matchAll(pattern)) {
      const at = match.index + match[0].length;
      if (at < text.length * 0.25 || at > text.length * 0.75) continue;
      if (best === null || Math.abs(at - text.length / 2) < Math.abs(best - text.length / 2))
        best = at;
    }
    if (best !== null) return best;
  }
  return null;
}

/**
 * Applies one perturbation to `lines` at a seeded place. `groups` is the gold seen from the
 * untouched side: which original lines each run of new lines stands for, in order.
 *
 * Gold rules: a merge of lines k and k+1 is one 2-1 link; a split of line k is one 1-2 link; a
 * dropped line is a 1-0 link; two swapped lines k, k+1 cannot be linked crosswise by a
 * monotonic aligner, so the best monotonic answer — and the gold — is one 2-2 link joining
 * both.
 */
export function perturb(
  lines: readonly string[],
  lang: Lang,
  kind: Perturbation,
  random: () => number,
): { lines: string[]; groups: { orig: number[]; now: number[] }[] } {
  const count = lines.length;
  let at = Math.floor(random() * (count - 1));
  const out: string[] = [];
  const groups: { orig: number[]; now: number[] }[] = [];
  const keep = (i: number) => {
    groups.push({ orig: [i], now: [out.length] });
    out.push(lines[i]!);
  };
  if (kind === 'split') {
    const candidates = lines.map((_line, i) => i).filter((i) => splitPoint(lines[i]!) !== null);
    at = candidates[Math.floor(random() * candidates.length)]!;
  }
  for (let i = 0; i < count; i++) {
    if (i !== at) {
      keep(i);
      continue;
    }
    const line = lines[i]!;
    if (kind === 'merge') {
      groups.push({ orig: [i, i + 1], now: [out.length] });
      out.push(joinUnits([line, lines[i + 1]!], lang));
      i++;
    } else if (kind === 'split') {
      const p = splitPoint(line)!;
      groups.push({ orig: [i], now: [out.length, out.length + 1] });
      out.push(line.slice(0, p).trimEnd(), line.slice(p).trimStart());
    } else if (kind === 'drop') {
      groups.push({ orig: [i], now: [] });
    } else {
      groups.push({ orig: [i, i + 1], now: [out.length, out.length + 1] });
      out.push(lines[i + 1]!, line);
      i++;
    }
  }
  return { lines: out, groups };
}

export const PERTURBATIONS: readonly Perturbation[] = ['merge', 'split', 'drop', 'swap'];

export function perturbedInputs(lines: Record<Lang, string[]>, seed = 20_001_204): AlignInput[] {
  const random = seededRandom(seed);
  const inputs: AlignInput[] = [];
  for (const [langA, langB] of languagePairs()) {
    for (const kind of PERTURBATIONS) {
      const side = random() < 0.5 ? 'a' : 'b';
      const lang = side === 'a' ? langA : langB;
      const changed = perturb(lines[lang], lang, kind, random);
      const gold = changed.groups.map((g) =>
        side === 'a' ? { a: g.now, b: g.orig } : { a: g.orig, b: g.now },
      );
      inputs.push({
        name: `ga-${kind}.${langA}-${langB}`,
        kind: 'perturbed',
        perturbation: kind,
        perturbedSide: side,
        langA,
        langB,
        a: side === 'a' ? changed.lines : lines[langA],
        b: side === 'b' ? changed.lines : lines[langB],
        gold,
      });
    }
  }
  return inputs;
}

export const LARGE_PAIRS: readonly [Lang, Lang][] = [
  ['en', 'zh'],
  ['en', 'fr'],
  ['en', 'ar'],
  ['en', 'ru'],
  ['ar', 'zh'],
];

/**
 * A 5,000-paragraph pair. Paragraph p is 1–3 GA lines drawn with a seeded PRNG (never the same
 * lines as p−1, so that the gold is unambiguous); each language renders the same draw. About
 * 1 % of paragraphs each are then: merged with the next on side B (2-1) or on side A (1-2),
 * split at a line boundary on side B (1-2), dropped from B (1-0) or dropped from A (0-1).
 */
export function largeInput(
  lines: Record<Lang, string[]>,
  langA: Lang,
  langB: Lang,
  count = 5000,
  seed = 55_100,
): AlignInput {
  const random = seededRandom(seed);
  const draws: number[][] = [];
  let previous = '';
  while (draws.length < count) {
    const size = 1 + Math.floor(random() * 3);
    const draw = Array.from({ length: size }, () => Math.floor(random() * lines.en.length));
    const key = draw.join(',');
    if (key === previous) continue;
    previous = key;
    draws.push(draw);
  }
  const recipeA: number[][] = [];
  const recipeB: number[][] = [];
  const gold: GoldLink[] = [];
  for (let p = 0; p < count; p++) {
    const r = random();
    const draw = draws[p]!;
    const next = draws[p + 1];
    if (r < 0.01 && next) {
      gold.push({ a: [recipeA.length, recipeA.length + 1], b: [recipeB.length] });
      recipeA.push(draw, next);
      recipeB.push([...draw, ...next]);
      p++;
    } else if (r < 0.02 && next) {
      gold.push({ a: [recipeA.length], b: [recipeB.length, recipeB.length + 1] });
      recipeA.push([...draw, ...next]);
      recipeB.push(draw, next);
      p++;
    } else if (r < 0.03 && draw.length > 1) {
      const cut = 1 + Math.floor(random() * (draw.length - 1));
      gold.push({ a: [recipeA.length], b: [recipeB.length, recipeB.length + 1] });
      recipeA.push(draw);
      recipeB.push(draw.slice(0, cut), draw.slice(cut));
    } else if (r < 0.04) {
      gold.push({ a: [recipeA.length], b: [] });
      recipeA.push(draw);
    } else if (r < 0.05) {
      gold.push({ a: [], b: [recipeB.length] });
      recipeB.push(draw);
    } else {
      gold.push({ a: [recipeA.length], b: [recipeB.length] });
      recipeA.push(draw);
      recipeB.push(draw);
    }
  }
  const render = (recipe: number[][], lang: Lang) =>
    recipe.map((draw) =>
      joinUnits(
        draw.map((i) => lines[lang][i]!),
        lang,
      ),
    );
  return {
    name: `large.${langA}-${langB}`,
    kind: 'large',
    langA,
    langB,
    a: render(recipeA, langA),
    b: render(recipeB, langB),
    gold,
    recipe: { a: recipeA, b: recipeB },
  };
}

export interface AlignCorpus {
  readonly sample: AlignInput[];
  readonly perturbed: AlignInput[];
  readonly large: AlignInput[];
}

export function buildAlignCorpus(largeCount = 5000): AlignCorpus {
  const lines = readGaLines();
  return {
    sample: sampleInputs(lines),
    perturbed: perturbedInputs(lines),
    large: LARGE_PAIRS.map(([a, b], k) => largeInput(lines, a, b, largeCount, 55_100 + k)),
  };
}
