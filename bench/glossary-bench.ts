/**
 * Glossary annotator benchmark. The full bundled glossary (every data/glossary/*.json, validated
 * with glossaryFileSchema) is compiled once into the matcher (src/glossary/annotate); then 1M
 * UN-like paragraphs in six languages (test/support/synthetic-corpus.ts, generated in chunks of
 * 100,000 so the corpus is never held whole) are annotated, each with its own language's terms.
 * Only `find` is timed. The baseline, in the same run: one case-insensitive RegExp per language,
 * the alternation of every written form of that language's terms (longest first) between
 * \b-like Unicode lookarounds (none for Chinese), run over the raw text — timed on the first
 * 50,000 paragraphs of the corpus, because it is slow; the matcher is also timed on that sample
 * so the ratio can be read like for like.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { glossaryFileSchema, type Concept } from '../src/domain/glossary.js';
import { LANGUAGES, type Lang } from '../src/domain/language-codes.js';
import { buildTermMatcher, matcherStats } from '../src/glossary/annotate/term-matcher.js';
import { termVariants } from '../src/glossary/annotate/term-variants.js';
import { syntheticDocuments } from '../test/support/synthetic-corpus.js';
import { round, writeResult } from './bench-helpers.js';

const GLOSSARY_DIR = join(import.meta.dirname, '..', 'data', 'glossary');
const SEGMENTS = 1_000_000;
const BASELINE_SEGMENTS = 50_000;
const CHUNK_SEGMENTS = 100_000;
const PARAGRAPHS_PER_DOCUMENT = 20;

function loadGlossary(): Concept[] {
  const files = readdirSync(GLOSSARY_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort();
  if (files.length === 0) throw new Error(`no glossary files in ${GLOSSARY_DIR}`);
  return files.flatMap(
    (f) =>
      glossaryFileSchema.parse(JSON.parse(readFileSync(join(GLOSSARY_DIR, f), 'utf8'))).concepts,
  );
}

interface Segment {
  readonly lang: Lang;
  readonly text: string;
}

/** The corpus in chunks of `CHUNK_SEGMENTS` paragraphs, the same on every run. */
function* corpusChunks(): Generator<Segment[]> {
  const documents = Math.ceil(SEGMENTS / PARAGRAPHS_PER_DOCUMENT);
  let chunk: Segment[] = [];
  let total = 0;
  for (const doc of syntheticDocuments({
    documents,
    paragraphsPerDocument: PARAGRAPHS_PER_DOCUMENT,
    seed: 2026,
    meetings: [
      { id: 'npt-2015', year: 2015 },
      { id: 'npt-2022', year: 2022 },
    ],
    states: ['fra', 'gbr', 'usa', 'rus', 'chn'],
  })) {
    for (const text of doc.paragraphs) {
      if (total++ >= SEGMENTS) break;
      chunk.push({ lang: doc.lang, text });
      if (chunk.length === CHUNK_SEGMENTS) {
        yield chunk;
        chunk = [];
      }
    }
  }
  if (chunk.length > 0) yield chunk;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The naive annotator: one alternation of every written form per language. */
function buildBaseline(concepts: readonly Concept[]): Record<Lang, RegExp> {
  const out = {} as Record<Lang, RegExp>;
  for (const lang of LANGUAGES) {
    const forms = new Set<string>();
    for (const c of concepts) {
      for (const t of c.languages[lang]?.terms ?? []) {
        for (const v of termVariants(t.text, lang, {
          type: t.type,
          partOfSpeech: t.partOfSpeech,
        })) {
          forms.add(v);
        }
      }
    }
    const alternation = [...forms]
      .sort((a, b) => b.length - a.length)
      .map((f) => escapeRegExp(f).replace(/[\s-]+/g, '[\\s\\p{Pd}]+'))
      .join('|');
    out[lang] =
      lang === 'zh'
        ? new RegExp(`(?:${alternation})`, 'giu')
        : new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternation})(?![\\p{L}\\p{N}])`, 'giu');
  }
  return out;
}

function utf8Bytes(segments: readonly Segment[]): number {
  let bytes = 0;
  for (const s of segments) bytes += Buffer.byteLength(s.text, 'utf8');
  return bytes;
}

/** Runs the benchmark and writes bench/results/glossary.json; returns the file written. */
export function runGlossaryBench(): Promise<string> {
  return Promise.resolve(runSync());
}

function runSync(): string {
  const concepts = loadGlossary();
  let t0 = process.hrtime.bigint();
  const matcher = buildTermMatcher(concepts);
  const buildMs = Number(process.hrtime.bigint() - t0) / 1e6;
  t0 = process.hrtime.bigint();
  const baseline = buildBaseline(concepts);
  const baselineBuildMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const stats = matcherStats(matcher);

  const perLang = Object.fromEntries(
    LANGUAGES.map((l) => [l, { segments: 0, bytes: 0, matches: 0, ms: 0 }]),
  ) as Record<Lang, { segments: number; bytes: number; matches: number; ms: number }>;
  let sample: Segment[] = [];
  let totalBytes = 0;
  let totalMs = 0;
  let totalMatches = 0;
  let segments = 0;
  // Warm-up on the first chunk, untimed.
  let warmed = false;
  for (const chunk of corpusChunks()) {
    if (!warmed) {
      for (const s of chunk.slice(0, 20_000)) matcher.find(s.text, { lang: s.lang });
      warmed = true;
    }
    if (sample.length < BASELINE_SEGMENTS) {
      sample = sample.concat(chunk.slice(0, BASELINE_SEGMENTS - sample.length));
    }
    for (const lang of LANGUAGES) {
      const ofLang = chunk.filter((s) => s.lang === lang);
      const bytes = utf8Bytes(ofLang);
      let matches = 0;
      const start = process.hrtime.bigint();
      for (const s of ofLang) matches += matcher.find(s.text, { lang }).length;
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      const row = perLang[lang];
      row.segments += ofLang.length;
      row.bytes += bytes;
      row.matches += matches;
      row.ms += ms;
      totalBytes += bytes;
      totalMs += ms;
      totalMatches += matches;
      segments += ofLang.length;
    }
  }
  const mbPerSecond = totalBytes / 1e6 / (totalMs / 1000);

  // The same sample through both, for the like-for-like ratio.
  const sampleBytes = utf8Bytes(sample);
  let start = process.hrtime.bigint();
  let sampleMatches = 0;
  for (const s of sample) sampleMatches += matcher.find(s.text, { lang: s.lang }).length;
  const sampleMs = Number(process.hrtime.bigint() - start) / 1e6;
  start = process.hrtime.bigint();
  let baselineMatches = 0;
  for (const s of sample) {
    const re = baseline[s.lang];
    re.lastIndex = 0;
    baselineMatches += s.text.match(re)?.length ?? 0;
  }
  const baselineMs = Number(process.hrtime.bigint() - start) / 1e6;
  const sampleMbPerSecond = sampleBytes / 1e6 / (sampleMs / 1000);
  const baselineMbPerSecond = sampleBytes / 1e6 / (baselineMs / 1000);

  return writeResult({
    benchmark: 'glossary',
    description:
      'Glossary annotation (src/glossary/annotate): one Aho–Corasick automaton over the folded ' +
      'terms and inflected forms of all six languages, folding the text on the fly; each ' +
      "paragraph matched with its own language's terms (and Latin abbreviations of the others). " +
      'Baseline: one case-insensitive RegExp alternation of all written forms per language with ' +
      'Unicode word-boundary lookarounds, timed on the first 50,000 paragraphs of the corpus.',
    corpus: {
      segments,
      megabytes: round(totalBytes / 1e6, 1),
      baselineSampleSegments: sample.length,
      baselineSampleMegabytes: round(sampleBytes / 1e6, 1),
      concepts: stats.concepts,
      terms: stats.terms,
      patterns: stats.patterns,
      states: stats.states,
    },
    figures: [
      {
        name: 'annotation throughput (whole corpus vs baseline on its 50,000-paragraph sample)',
        value: round(mbPerSecond, 1),
        unit: 'MB/s of UTF-8 text',
        baseline: { name: 'RegExp alternation', value: round(baselineMbPerSecond, 2) },
        ratio: round(mbPerSecond / baselineMbPerSecond, 1),
        target: '≥ 20 MB/s',
      },
      {
        name: 'annotation throughput on the same 50,000-paragraph sample',
        value: round(sampleMbPerSecond, 1),
        unit: 'MB/s of UTF-8 text',
        baseline: { name: 'RegExp alternation', value: round(baselineMbPerSecond, 2) },
        ratio: round(sampleMbPerSecond / baselineMbPerSecond, 1),
        target: '≥ 10× baseline',
      },
    ],
    details: {
      buildMs: round(buildMs, 0),
      baselineBuildMs: round(baselineBuildMs, 0),
      automatonBytes: stats.bytes,
      classes: stats.classes,
      totalMatches,
      sample: {
        matches: sampleMatches,
        baselineMatches,
        ms: round(sampleMs, 0),
        baselineMs: round(baselineMs, 0),
      },
      perLanguage: Object.fromEntries(
        LANGUAGES.map((l) => {
          const r = perLang[l];
          return [
            l,
            {
              segments: r.segments,
              megabytes: round(r.bytes / 1e6, 1),
              matches: r.matches,
              matchesPerSegment: round(r.matches / Math.max(1, r.segments), 2),
              mbPerSecond: round(r.bytes / 1e6 / (r.ms / 1000), 1),
            },
          ];
        }),
      ),
    },
  });
}
