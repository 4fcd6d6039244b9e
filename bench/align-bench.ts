/**
 * Alignment benchmark: link precision, recall and F1 of `alignUnits` against gold links on the
 * GA sample (15 language pairs), on perturbed copies of it (merge, split, drop, swap) and on
 * generated 5,000-paragraph pairs, and its speed in segments per second on the latter; the
 * baseline is the classic Gale & Church (1993) length-only aligner run on the same inputs. The
 * inputs and gold are written to bench/results/align-inputs/ so that other aligners can be run
 * on them.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { alignUnits } from '../src/align/align-units.js';
import { stateMentions } from '../src/align/state-mentions.js';
import type { AlignLink } from '../src/domain/alignment.js';
import { loadReferenceData } from '../src/reference/load-reference-data.js';
import { measure, RESULTS_DIR, round, writeResult } from './bench-helpers.js';
import {
  buildAlignCorpus,
  perturbedInputs,
  readGaLines,
  type AlignInput,
  type GoldLink,
} from './align-corpus.js';
import { galeChurchAlign } from './gale-church.js';

export interface LinkScores {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

const linkKey = (link: GoldLink): string => `${link.a.join(',')}|${link.b.join(',')}`;

/**
 * Strict link scores. A link is the pair (indexes of A, indexes of B), 1-0 and 0-1 links
 * included (one side empty); a predicted link counts as correct only when the gold has exactly
 * the same pair. precision = |predicted ∩ gold| / |predicted|, recall = |predicted ∩ gold| /
 * |gold|, F1 = 2PR / (P + R) (0 when both are 0).
 */
export function linkScores(predicted: readonly GoldLink[], gold: readonly GoldLink[]): LinkScores {
  const goldKeys = new Set(gold.map(linkKey));
  const correct = predicted.filter((link) => goldKeys.has(linkKey(link))).length;
  const precision =
    predicted.length === 0 ? (gold.length === 0 ? 1 : 0) : correct / predicted.length;
  const recall = gold.length === 0 ? 1 : correct / gold.length;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

type Aligner = (input: AlignInput) => AlignLink[];

const INPUTS_DIR = join(RESULTS_DIR, 'align-inputs');

/**
 * Plain text, one unit per line: the six GA files once (`ga.<lang>.txt`), which the sample
 * inputs and the untouched side of each perturbed input use, and `<name>.<a|b>.<lang>.txt` for
 * each perturbed side. The 5,000-paragraph inputs are written as recipes with their gold
 * (`<name>.recipe.json`: each unit is the GA lines it joins, with a space, without one in
 * Chinese) to stay small. `gold.json` lists every input, its files and (but for the large ones)
 * its gold links.
 */
function writeInputs(inputs: readonly AlignInput[]): void {
  rmSync(INPUTS_DIR, { recursive: true, force: true });
  mkdirSync(INPUTS_DIR, { recursive: true });
  const lines = readGaLines();
  const raw = new Map<string, string>();
  for (const [lang, text] of Object.entries(lines)) {
    const file = `ga.${lang}.txt`;
    writeFileSync(join(INPUTS_DIR, file), text.join('\n') + '\n');
    raw.set(`${lang}\n${text.join('\n')}`, file);
  }
  const fileFor = (input: AlignInput, side: 'a' | 'b'): string => {
    const lang = side === 'a' ? input.langA : input.langB;
    const text = (side === 'a' ? input.a : input.b).join('\n');
    const existing = raw.get(`${lang}\n${text}`);
    if (existing) return existing;
    const file = `${input.name}.${side}.${lang}.txt`;
    writeFileSync(join(INPUTS_DIR, file), text + '\n');
    return file;
  };
  const index = inputs.map((input) => {
    const entry = {
      name: input.name,
      kind: input.kind,
      perturbation: input.perturbation ?? null,
      perturbedSide: input.perturbedSide ?? null,
      langA: input.langA,
      langB: input.langB,
      units: { a: input.a.length, b: input.b.length },
    };
    const gold = input.gold.map((l) => [l.a, l.b]);
    if (input.recipe) {
      const file = `${input.name}.recipe.json`;
      writeFileSync(
        join(INPUTS_DIR, file),
        JSON.stringify({
          lines: 'ga.<lang>.txt, numbered from 0',
          join: "a unit is its lines joined with ' ' (with '' in Chinese)",
          a: input.recipe.a,
          b: input.recipe.b,
          gold,
        }) + '\n',
      );
      return { ...entry, recipe: file };
    }
    return { ...entry, a: fileFor(input, 'a'), b: fileFor(input, 'b'), gold };
  });
  writeFileSync(
    join(INPUTS_DIR, 'gold.json'),
    JSON.stringify({
      description:
        'Gold links per input: [indexes of A, indexes of B], 0-based unit (line) numbers; an empty side is a 1-0 or 0-1 link. Swapped lines count as one 2-2 link (the best monotonic answer). Large inputs keep their gold in their recipe file.',
      inputs: index,
    }).replace(/\{"name"/g, '\n{"name"') + '\n',
  );
}

function scoreAll(inputs: readonly AlignInput[], align: Aligner): LinkScores[] {
  return inputs.map((input) => linkScores(align(input), input.gold));
}

const min = (values: readonly number[]): number => Math.min(...values);
const mean = (values: readonly number[]): number =>
  values.reduce((s, v) => s + v, 0) / Math.max(values.length, 1);
const share = (scores: readonly LinkScores[]): number =>
  scores.filter((s) => s.f1 >= 0.95).length / Math.max(scores.length, 1);
const r3 = (s: LinkScores) => ({
  precision: round(s.precision, 3),
  recall: round(s.recall, 3),
  f1: round(s.f1, 3),
});

export async function runAlignBench(): Promise<string> {
  const corpus = buildAlignCorpus();
  const mentions = stateMentions(loadReferenceData().states);
  const ours: Aligner = (input) =>
    alignUnits(
      input.a.map((text) => ({ text })),
      input.b.map((text) => ({ text })),
      { langA: input.langA, langB: input.langB, mentions },
    );
  const baseline: Aligner = (input) => galeChurchAlign(input.a, input.b);

  const [sampleOurs, perturbedOurs, largeOurs] = [
    corpus.sample,
    corpus.perturbed,
    corpus.large,
  ].map((inputs) => scoreAll(inputs, ours));
  const sampleBase = scoreAll(corpus.sample, baseline);
  const perturbedBase = scoreAll(corpus.perturbed, baseline);

  // Robustness: the same perturbations at other seeded places (20 more seeds, 1,200 inputs).
  const lines = readGaLines();
  const more = Array.from({ length: 20 }, (_, k) => perturbedInputs(lines, k + 1)).flat();
  const moreOurs = scoreAll(more, ours);
  const moreBase = scoreAll(more, baseline);

  const speeds = [];
  const largeBase: LinkScores[] = [];
  for (const input of corpus.large) {
    const segments = input.a.length + input.b.length;
    const runsPerSecond = await measure(() => void ours(input), 1500);
    // The baseline's full programme takes seconds on 5,000 × 5,000: its one scored run is timed.
    const start = performance.now();
    const links = baseline(input);
    const baselineSeconds = (performance.now() - start) / 1000;
    largeBase.push(linkScores(links, input.gold));
    speeds.push({
      name: input.name,
      segments,
      segmentsPerSecond: round(segments * runsPerSecond, 0),
      baselineSegmentsPerSecond: round(segments / baselineSeconds, 0),
    });
  }

  writeInputs([...corpus.sample, ...corpus.perturbed, ...corpus.large]);

  const f1 = (scores: readonly LinkScores[]) => scores.map((s) => s.f1);
  const minSample = min(f1(sampleOurs!));
  const minSampleBase = min(f1(sampleBase));
  const minPerturbed = min(f1(perturbedOurs!));
  const minPerturbedBase = min(f1(perturbedBase));
  const minLarge = min(f1(largeOurs!));
  const minLargeBase = min(f1(largeBase));
  const speed = min(speeds.map((s) => s.segmentsPerSecond));
  const speedBase = min(speeds.map((s) => s.baselineSegmentsPerSecond));
  // No ratio to a baseline that scored 0: written as null.
  const ratio = (x: number, y: number) => (y === 0 ? Number.NaN : round(x / y, 3));
  const detail = (inputs: readonly AlignInput[], o: LinkScores[], b: LinkScores[]) =>
    inputs.map((input, k) => ({
      name: input.name,
      ...(input.perturbation
        ? { perturbation: input.perturbation, side: input.perturbedSide }
        : {}),
      units: [input.a.length, input.b.length],
      ours: r3(o[k]!),
      baseline: r3(b[k]!),
    }));

  return writeResult({
    benchmark: 'align',
    description:
      'Paragraph alignment (src/align/align-units.ts: length model + anchors + structure, banded DP) vs the classic Gale & Church (1993) length-only aligner (c = 1, s² = 6.8, full DP). Strict link F1: a link counts when its exact (A indexes, B indexes) pair is in the gold, 1-0/0-1 links included. Inputs: the GA resolution 55/100 sample (15 lines × 6 languages), the same with one merge, split, drop or swap per language pair, and generated 5,000-paragraph pairs (bench/align-corpus.ts).',
    corpus: {
      languages: 6,
      samplePairs: corpus.sample.length,
      sampleUnitsPerSide: corpus.sample[0]!.a.length,
      perturbedInputs: corpus.perturbed.length,
      largePairs: corpus.large.map((i) => `${i.langA}-${i.langB}`).join(', '),
      largeParagraphs: 5000,
    },
    figures: [
      {
        name: 'min F1 over the 15 GA sample pairs (line level)',
        value: round(minSample, 3),
        unit: 'F1',
        baseline: { name: 'Gale & Church 1993', value: round(minSampleBase, 3) },
        ratio: ratio(minSample, minSampleBase),
        target: 'F1 ≥ 0.99',
      },
      {
        name: 'min F1 over the 60 perturbed GA inputs (merge, split, drop, swap × 15 pairs)',
        value: round(minPerturbed, 3),
        unit: 'F1',
        baseline: { name: 'Gale & Church 1993', value: round(minPerturbedBase, 3) },
        ratio: ratio(minPerturbed, minPerturbedBase),
        target: 'F1 ≥ 0.95',
      },
      {
        name: 'mean F1 over the 60 perturbed GA inputs',
        value: round(mean(f1(perturbedOurs!)), 3),
        unit: 'F1',
        baseline: { name: 'Gale & Church 1993', value: round(mean(f1(perturbedBase)), 3) },
        ratio: ratio(mean(f1(perturbedOurs!)), mean(f1(perturbedBase))),
      },
      {
        name: 'share of 1,200 more perturbed inputs (20 other seeds) with F1 ≥ 0.95',
        value: round(share(moreOurs), 4),
        unit: 'share',
        baseline: { name: 'Gale & Church 1993', value: round(share(moreBase), 4) },
        ratio: ratio(share(moreOurs), share(moreBase)),
      },
      {
        name: 'mean F1 over 1,200 more perturbed inputs (20 other seeds)',
        value: round(mean(f1(moreOurs)), 4),
        unit: 'F1',
        baseline: { name: 'Gale & Church 1993', value: round(mean(f1(moreBase)), 4) },
        ratio: ratio(mean(f1(moreOurs)), mean(f1(moreBase))),
      },
      {
        name: 'min F1 over the 5,000-paragraph pairs',
        value: round(minLarge, 4),
        unit: 'F1',
        baseline: { name: 'Gale & Church 1993', value: round(minLargeBase, 4) },
        ratio: ratio(minLarge, minLargeBase),
      },
      {
        name: 'alignment speed on 5,000-paragraph pairs (slowest pair; segments of both sides / s)',
        value: speed,
        unit: 'segments/s',
        baseline: { name: 'Gale & Church 1993 (full DP)', value: speedBase },
        ratio: ratio(speed, speedBase),
        target: '≥ 30,000 segments/s',
      },
    ],
    details: {
      sample: detail(corpus.sample, sampleOurs!, sampleBase),
      perturbed: detail(corpus.perturbed, perturbedOurs!, perturbedBase),
      large: detail(corpus.large, largeOurs!, largeBase),
      speed: speeds,
      morePerturbedBelow095: more
        .map((input, k) => ({
          name: input.name,
          seed: Math.floor(k / 60) + 1,
          f1: moreOurs[k]!.f1,
        }))
        .filter((x) => x.f1 < 0.95)
        .map((x) => `${x.name} (seed ${x.seed}): ${round(x.f1, 3)}`),
    },
  });
}
