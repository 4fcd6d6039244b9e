/**
 * @module Translation consistency against the glossary: for two aligned language versions (source
 * S, target T), every concept found in an S paragraph should be named in the aligned T text by a
 * preferred or admitted T term. Reported: `missing` (no T term of the concept there) and
 * `deprecated` (only a deprecated T term there), each with both paragraphs' eIds.
 */
import type { Kysely } from 'kysely';
import type { Concept, ConsistencyFinding } from '../domain/glossary.js';
import { invalidParameter } from '../domain/errors.js';
import type { Lang } from '../domain/language-codes.js';
import type { Segment } from '../domain/documents.js';
import type { Database } from '../store/database.js';
import { alignSides, alignWork } from '../align/align-work.js';
import { readDocumentFile } from '../diff/compare-documents.js';
import type { TermMatcher } from './annotate/term-matcher.js';
import { glossaryMatcher } from './term-annotations.js';

export interface ConsistencyReport {
  readonly symbol: string;
  readonly source: Lang;
  readonly target: Lang;
  readonly sourceParagraphs: number;
  /** Concept occurrences (per source paragraph) that could be checked. */
  readonly conceptsChecked: number;
  readonly findings: readonly ConsistencyFinding[];
}

interface Pair {
  readonly source: readonly Segment[];
  readonly target: readonly Segment[];
}

/** The check over aligned groups of paragraphs (pure: matcher and concepts given). */
export function checkPairs(
  pairs: readonly Pair[],
  source: Lang,
  target: Lang,
  matcher: TermMatcher,
  concepts: ReadonlyMap<string, Concept>,
): { conceptsChecked: number; findings: ConsistencyFinding[] } {
  const findings: ConsistencyFinding[] = [];
  let conceptsChecked = 0;
  for (const pair of pairs) {
    for (const s of pair.source) {
      const seen = new Map<string, string>();
      for (const m of matcher.find(s.text, { lang: source })) {
        if (!seen.has(m.conceptId)) seen.set(m.conceptId, s.text.slice(m.start, m.end));
      }
      if (seen.size === 0) continue;
      const targetText = pair.target.map((t) => t.text).join('\n');
      const inTarget = matcher.find(targetText, { lang: target });
      for (const [conceptId, sourceTerm] of seen) {
        const terms = concepts.get(conceptId)?.languages[target]?.terms ?? [];
        const expected = terms.filter((t) => t.status !== 'deprecated').map((t) => t.text);
        if (expected.length === 0) continue;
        conceptsChecked++;
        const hits = inTarget.filter((m) => m.conceptId === conceptId);
        if (hits.some((m) => m.status !== 'deprecated')) continue;
        const deprecated = hits[0];
        const targetEid = pair.target[0]?.eId ?? null;
        findings.push({
          kind: deprecated ? 'deprecated' : 'missing',
          conceptId,
          sourceEid: s.eId,
          targetEid,
          sourceTerm,
          targetTerm: deprecated ? targetText.slice(deprecated.start, deprecated.end) : null,
          expected,
        });
      }
    }
  }
  return { conceptsChecked, findings };
}

/** Alignment links (indices) as the paragraphs they join. */
function pairsOf(
  links: readonly { readonly a: readonly number[]; readonly b: readonly number[] }[],
  source: readonly Segment[],
  target: readonly Segment[],
): Pair[] {
  return links.map((link) => ({
    source: link.a.map((i) => source[i]!),
    target: link.b.map((i) => target[i]!),
  }));
}

function assertPair(source: Lang, target: Lang): void {
  if (source === target)
    throw invalidParameter('target', `the target language must differ from the source (${source})`);
}

/** The check on a stored document, through its stored alignment. */
export async function checkDocument(
  db: Kysely<Database>,
  request: { symbol: string; source: Lang; target: Lang },
): Promise<ConsistencyReport> {
  assertPair(request.source, request.target);
  const alignment = await alignWork(db, {
    symbol: request.symbol,
    langs: [request.source, request.target],
  });
  const glossary = await glossaryMatcher(db);
  const pairs = pairsOf(alignment.links, alignment.a.segments, alignment.b.segments);
  const result = checkPairs(
    pairs,
    request.source,
    request.target,
    glossary.matcher,
    glossary.concepts,
  );
  return {
    symbol: alignment.work.symbol ?? alignment.work.id,
    source: request.source,
    target: request.target,
    sourceParagraphs: alignment.a.segments.length,
    ...result,
  };
}

/** The check on two loose files (any format Pillars ingests), aligned on the fly. */
export async function checkFiles(
  db: Kysely<Database>,
  request: { sourceFile: string; targetFile: string; source: Lang; target: Lang },
): Promise<ConsistencyReport> {
  assertPair(request.source, request.target);
  const [a, b] = await Promise.all([
    readDocumentFile(db, request.sourceFile, request.source),
    readDocumentFile(db, request.targetFile, request.target),
  ]);
  const links = alignSides(
    { lang: request.source, segments: a.segments },
    { lang: request.target, segments: b.segments },
    [],
  );
  const glossary = await glossaryMatcher(db);
  const pairs = pairsOf(links, a.segments, b.segments);
  const result = checkPairs(
    pairs,
    request.source,
    request.target,
    glossary.matcher,
    glossary.concepts,
  );
  return {
    symbol: `${a.label} → ${b.label}`,
    source: request.source,
    target: request.target,
    sourceParagraphs: a.segments.length,
    ...result,
  };
}
