/**
 * Action-suggestion benchmark: quality of the suggester (src/evidence/suggest-actions.ts) on the
 * labelled paragraphs of bench/evidence-labels.json — the twelve body paragraphs of the founding
 * P5 statement (Chinese, as the ingest pipeline segments it) and paragraphs we wrote in the five
 * other languages — against a baseline in the same run: for each action, how many of its
 * keywords (any language) occur as plain lower-cased substrings of the paragraph (no analysis, no
 * IDF, no citations, no summaries), ranked by that count.
 *
 * Per language: top-3 accuracy (a labelled action among the first three), precision of the top
 * suggestion (among paragraphs that get one), recall at 5; plus paragraphs per second. Paragraphs
 * labelled with no action are left out of the ratios and counted apart (suggestions there are
 * false alarms).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { Segment } from '../src/domain/documents.js';
import { LANGUAGES, type Lang } from '../src/domain/language-codes.js';
import { descriptorsFrom, type ActionDescriptor } from '../src/evidence/action-descriptors.js';
import {
  createActionMatcher,
  DEFAULT_LIMIT,
  SUGGESTER_VERSION,
} from '../src/evidence/suggest-actions.js';
import { pipelineEnvFrom, prepareDocument } from '../src/ingest/prepare-document.js';
import { loadReferenceData, type ReferenceData } from '../src/reference/load-reference-data.js';
import { measure, round, writeResult } from './bench-helpers.js';

const LABELS = fileURLToPath(new URL('./evidence-labels.json', import.meta.url));
const SEED_FILE = 'p5-joint-statement-2013.zh.txt';
const SEED = fileURLToPath(new URL(`../data/samples/seed/${SEED_FILE}`, import.meta.url));

const labelsSchema = z.object({
  note: z.string(),
  paragraphs: z.array(
    z.object({
      id: z.string(),
      lang: z.enum(LANGUAGES),
      eId: z.string().optional(),
      startsWith: z.string().optional(),
      text: z.string().optional(),
      actions: z.array(z.string()),
      why: z.string(),
    }),
  ),
});

interface Labelled {
  readonly id: string;
  readonly lang: Lang;
  readonly seed: boolean;
  readonly text: string;
  readonly actions: readonly string[];
}

type Suggest = (text: string, lang: Lang) => string[];

interface Scores {
  readonly paragraphs: number;
  readonly top3: number;
  readonly precisionAt1: number;
  readonly recallAt5: number;
  /** Labelled paragraphs that got no suggestion at all. */
  readonly none: number;
  /** Paragraphs labelled with no action that still got suggestions. */
  readonly falseAlarms: number;
}

async function seedSegments(data: ReferenceData): Promise<Segment[]> {
  const env = pipelineEnvFrom({
    states: data.states,
    groups: data.groups,
    meetings: data.meetings,
  });
  const bytes = readFileSync(SEED);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const prepared = await prepareDocument({ name: SEED_FILE, bytes, sha256 }, {}, env);
  if (!prepared.ok) throw new Error(`${SEED_FILE}: ${prepared.reason}`);
  return [...prepared.prepared.document.segments];
}

async function loadLabelled(data: ReferenceData): Promise<Labelled[]> {
  const file = labelsSchema.parse(JSON.parse(readFileSync(LABELS, 'utf8')));
  const segments = await seedSegments(data);
  const known = new Set(data.actions.map((a) => a.id));
  return file.paragraphs.map((p) => {
    for (const id of p.actions)
      if (!known.has(id)) throw new Error(`${p.id}: unknown action ${id}`);
    if (p.text !== undefined) {
      return { id: p.id, lang: p.lang, seed: false, text: p.text, actions: p.actions };
    }
    const segment = segments.find((s) => s.eId === p.eId);
    if (!segment || (p.startsWith !== undefined && !segment.text.startsWith(p.startsWith))) {
      throw new Error(`${p.id}: no seed paragraph ${p.eId ?? '?'} starting ${p.startsWith ?? ''}`);
    }
    return { id: p.id, lang: p.lang, seed: true, text: segment.text, actions: p.actions };
  });
}

/** The baseline: keyword substrings counted per action, in any language, nothing else. */
function substringCounter(descriptors: readonly ActionDescriptor[]): Suggest {
  const keywords = descriptors.map((d) => ({
    id: d.id,
    number: d.number ?? 1000,
    terms: LANGUAGES.flatMap((lang) => d.keywords[lang] ?? []).map((k) => k.toLowerCase()),
  }));
  return (text) => {
    const lower = text.toLowerCase();
    return keywords
      .map((k) => ({ ...k, count: k.terms.filter((t) => lower.includes(t)).length }))
      .filter((k) => k.count > 0)
      .sort((a, b) => b.count - a.count || a.number - b.number)
      .slice(0, DEFAULT_LIMIT)
      .map((k) => k.id);
  };
}

function score(
  paragraphs: readonly Labelled[],
  predictions: ReadonlyMap<string, string[]>,
): Scores {
  const labelled = paragraphs.filter((p) => p.actions.length > 0);
  let top3 = 0;
  let firstRight = 0;
  let firstGiven = 0;
  let recall = 0;
  let none = 0;
  for (const p of labelled) {
    const predicted = predictions.get(p.id) ?? [];
    const right = (id: string) => p.actions.includes(id);
    if (predicted.slice(0, 3).some(right)) top3++;
    if (predicted.length === 0) none++;
    else {
      firstGiven++;
      if (right(predicted[0]!)) firstRight++;
    }
    recall += predicted.slice(0, 5).filter(right).length / p.actions.length;
  }
  const falseAlarms = paragraphs.filter(
    (p) => p.actions.length === 0 && (predictions.get(p.id)?.length ?? 0) > 0,
  ).length;
  const share = (n: number, of: number) => (of === 0 ? 0 : round(n / of, 3));
  return {
    paragraphs: labelled.length,
    top3: share(top3, labelled.length),
    precisionAt1: share(firstRight, firstGiven),
    recallAt5: share(recall, labelled.length),
    none,
    falseAlarms,
  };
}

function scoresBy(
  paragraphs: readonly Labelled[],
  predictions: ReadonlyMap<string, string[]>,
): Record<string, Scores> {
  const groups: [string, Labelled[]][] = [
    ['all', [...paragraphs]],
    ['seed (zh)', paragraphs.filter((p) => p.seed)],
    ...LANGUAGES.filter((lang) => lang !== 'zh').map((lang): [string, Labelled[]] => [
      lang,
      paragraphs.filter((p) => p.lang === lang),
    ]),
  ];
  return Object.fromEntries(groups.map(([name, group]) => [name, score(group, predictions)]));
}

export async function runEvidenceBench(): Promise<string> {
  const data = loadReferenceData();
  const paragraphs = await loadLabelled(data);
  const descriptors = descriptorsFrom(data.actions);
  const buildStart = performance.now();
  const matcher = createActionMatcher(descriptors);
  const buildMs = performance.now() - buildStart;
  const suggester: Suggest = (text, lang) => matcher.suggest(text, lang).map((s) => s.actionId);
  const baseline = substringCounter(descriptors);

  const predict = (suggest: Suggest) =>
    new Map(paragraphs.map((p) => [p.id, suggest(p.text, p.lang)]));
  const ours = predict(suggester);
  const theirs = predict(baseline);
  const oursBy = scoresBy(paragraphs, ours);
  const theirsBy = scoresBy(paragraphs, theirs);

  const perSecond = async (suggest: Suggest) =>
    paragraphs.length *
    (await measure(() => {
      for (const p of paragraphs) suggest(p.text, p.lang);
    }, 1000));
  const oursPerSecond = await perSecond(suggester);
  const baselinePerSecond = await perSecond(baseline);

  const ratio = (a: number, b: number) => (b === 0 ? 0 : round(a / b, 3));
  const figure = (group: string, metric: keyof Scores, name: string, target?: string) => {
    const value = oursBy[group]![metric];
    const base = theirsBy[group]![metric];
    return {
      name,
      value,
      unit: 'share',
      baseline: { name: 'keyword substring count', value: base },
      ratio: ratio(value, base),
      ...(target === undefined ? {} : { target }),
    };
  };
  const languages = Object.fromEntries(paragraphs.map((p) => [p.lang, 0]));
  for (const p of paragraphs) languages[p.lang] = (languages[p.lang] ?? 0) + 1;

  return writeResult({
    benchmark: 'evidence',
    description: `Action suggester ${SUGGESTER_VERSION} on labelled paragraphs (the founding P5 statement, Chinese, and our own paragraphs in five languages; bench/evidence-labels.json) vs a baseline in the same run: keyword substrings of every language counted per action, lower-cased, without analysis, IDF, citations or summaries.`,
    corpus: {
      paragraphs: paragraphs.length,
      labelledWithActions: paragraphs.filter((p) => p.actions.length > 0).length,
      seedParagraphs: paragraphs.filter((p) => p.seed).length,
      actions: descriptors.length,
      ...Object.fromEntries(Object.entries(languages).map(([k, v]) => [`paragraphs_${k}`, v])),
    },
    figures: [
      figure(
        'seed (zh)',
        'top3',
        'seed: a labelled action in the top 3',
        '≥ 0.8 top-3 on the seed',
      ),
      figure('all', 'top3', 'all languages: a labelled action in the top 3'),
      figure('all', 'precisionAt1', 'all languages: precision of the top suggestion'),
      figure('all', 'recallAt5', 'all languages: recall at 5'),
      figure('seed (zh)', 'precisionAt1', 'seed: precision of the top suggestion'),
      figure('seed (zh)', 'recallAt5', 'seed: recall at 5'),
      {
        name: 'paragraphs suggested per second',
        value: round(oursPerSecond, 0),
        unit: 'paragraphs/s',
        baseline: { name: 'keyword substring count', value: round(baselinePerSecond, 0) },
        ratio: ratio(oursPerSecond, baselinePerSecond),
      },
    ],
    details: {
      matcherBuildMs: round(buildMs, 1),
      suggester: oursBy,
      baseline: theirsBy,
      paragraphs: paragraphs.map((p) => ({
        id: p.id,
        labels: p.actions,
        suggested: ours.get(p.id),
        baseline: theirs.get(p.id),
      })),
    },
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(await runEvidenceBench());
}
