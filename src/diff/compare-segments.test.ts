/**
 * Paragraph comparison on the bundled samples as the ingest pipeline segments them (no database):
 * the founding P5 statement (Chinese) and resolution 55/100 in English and Arabic, each compared
 * with a copy where one paragraph was removed, one moved and a few words of another changed.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AlignLang, ParagraphChange, WordChange } from '../domain/alignment.js';
import type { Segment } from '../domain/documents.js';
import { pipelineEnvFrom, prepareDocument } from '../ingest/prepare-document.js';
import { loadReferenceData } from '../reference/load-reference-data.js';
import { compareSegments, summarizeChanges, withMoveOrigins } from './compare-segments.js';

const SAMPLES = fileURLToPath(new URL('../../data/samples/', import.meta.url));

async function segmentsOf(file: string): Promise<Segment[]> {
  const data = loadReferenceData();
  const env = pipelineEnvFrom({
    states: data.states,
    groups: data.groups,
    meetings: data.meetings,
  });
  const bytes = readFileSync(SAMPLES + file);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const prepared = await prepareDocument({ name: file, bytes, sha256 }, {}, env);
  if (!prepared.ok) throw new Error(prepared.reason);
  return [...prepared.prepared.document.segments];
}

interface Edit {
  /** The eId of the paragraph to remove. */
  readonly remove: string;
  /** The eId of the paragraph to move, and the eId it goes before (null: to the end). */
  readonly move: string;
  readonly before: string | null;
  /** The eId of the paragraph whose words change, and the replacements. */
  readonly change: string;
  readonly replace: readonly [string, string][];
  /** The word changes the comparison should find in it. */
  readonly words: readonly WordChange[];
}

function edited(segments: readonly Segment[], edit: Edit): Segment[] {
  const copy = segments.map((s) => {
    if (s.eId !== edit.change) return s;
    let text = s.text;
    for (const [from, to] of edit.replace) {
      expect(text, `${s.eId} has "${from}"`).toContain(from);
      text = text.replace(from, to);
    }
    return { ...s, text };
  });
  const moved = copy.splice(
    copy.findIndex((s) => s.eId === edit.move),
    1,
  )[0]!;
  const at = edit.before === null ? copy.length : copy.findIndex((s) => s.eId === edit.before);
  copy.splice(at, 0, moved);
  copy.splice(
    copy.findIndex((s) => s.eId === edit.remove),
    1,
  );
  return copy;
}

/** The comparison reports exactly the three edits and every other paragraph as equal. */
function expectThreeEdits(
  older: readonly Segment[],
  newer: readonly Segment[],
  lang: AlignLang,
  edit: Edit,
): ParagraphChange[] {
  const changes = compareSegments(older, newer, lang);
  const index = (eId: string) => older.findIndex((s) => s.eId === eId);
  const newIndex = (eId: string) => newer.findIndex((s) => s.eId === eId);
  expect(summarizeChanges(changes)).toEqual({
    equal: older.length - 3,
    changed: 1,
    moved: 1,
    deleted: 1,
    inserted: 0,
  });
  const notEqual = changes.filter((c) => c.kind !== 'equal');
  expect(notEqual.map(({ kind, a, b }) => ({ kind, a, b }))).toEqual(
    expect.arrayContaining([
      { kind: 'deleted', a: index(edit.remove), b: null },
      { kind: 'moved', a: index(edit.move), b: newIndex(edit.move) },
      { kind: 'changed', a: index(edit.change), b: newIndex(edit.change) },
    ]),
  );
  for (const c of changes.filter((c) => c.kind === 'equal'))
    expect(older[c.a!]!.eId).toBe(newer[c.b!]!.eId);
  const moved = notEqual.find((c) => c.kind === 'moved')!;
  expect(moved.similarity).toBe(1);
  expect(moved.words).toBeUndefined();
  const changed = notEqual.find((c) => c.kind === 'changed')!;
  expect(changed.similarity).toBeGreaterThan(0.5);
  expect(changed.similarity).toBeLessThan(1);
  const words = changed.words!;
  expect(
    words
      .filter((w) => w.op !== 'insert')
      .map((w) => w.text)
      .join(''),
  ).toBe(older[changed.a!]!.text);
  expect(
    words
      .filter((w) => w.op !== 'delete')
      .map((w) => w.text)
      .join(''),
  ).toBe(newer[changed.b!]!.text);
  expect(words.filter((w) => w.op !== 'equal')).toEqual(edit.words);
  // Reading order of the newer text: every newer paragraph once, in order.
  expect(changes.filter((c) => c.b !== null).map((c) => c.b)).toEqual(newer.map((_, i) => i));
  // The deleted paragraph sits where it was: right after the paragraph that preceded it.
  const d = changes.findIndex((c) => c.kind === 'deleted');
  expect(changes[d - 1]?.a).toBe(index(edit.remove) - 1);
  return changes;
}

describe('compareSegments on the founding P5 statement (Chinese)', () => {
  let older: Segment[];
  beforeAll(async () => {
    older = await segmentsOf('seed/p5-joint-statement-2013.zh.txt');
    expect(older).toHaveLength(13);
  });

  it('finds the removed, moved and changed paragraphs and nothing else', () => {
    const edit: Edit = {
      remove: 'para_4',
      move: 'para_9',
      before: 'para_3',
      change: 'para_6',
      replace: [
        ['五常推进了', '五常进一步推进了'],
        ['报告方式', '汇报方式'],
      ],
      words: [
        { op: 'insert', text: '进一步' },
        { op: 'delete', text: '报告' },
        { op: 'insert', text: '汇报' },
      ],
    };
    const changes = expectThreeEdits(older, edited(older, edit), 'zh', edit);
    // The moved paragraph's old place follows para_8 in a redline.
    const entries = withMoveOrigins(changes);
    const origin = entries.findIndex((e) => e.at === 'old');
    expect(entries[origin]!.change.a).toBe(9);
    expect(entries[origin - 1]!.change.a).toBe(8);
  });

  it('reports every paragraph as equal when nothing changed, whitespace and width aside', () => {
    const copy = older.map((s) => ({
      ...s,
      text: s.text.replace(/ /g, '  ').replace('2015', '２０１５'),
    }));
    const changes = compareSegments(older, copy, 'zh');
    expect(changes.every((c) => c.kind === 'equal' && c.a === c.b && c.similarity === 1)).toBe(
      true,
    );
    expect(changes).toHaveLength(older.length);
  });
});

describe('compareSegments on resolution 55/100', () => {
  it('finds the three edits in English', async () => {
    const older = await segmentsOf('un-ga-res-55-100/UN_GA_res55-100.en.txt');
    const edit: Edit = {
      remove: 'p_3',
      move: 'para_2',
      before: 'p_6',
      change: 'para_3',
      replace: [
        ['Calls upon all States', 'Urges all States'],
        ['in conformity with', 'in accordance with'],
      ],
      words: [
        { op: 'delete', text: 'Calls upon' },
        { op: 'insert', text: 'Urges' },
        { op: 'delete', text: 'conformity' },
        { op: 'insert', text: 'accordance' },
      ],
    };
    expectThreeEdits(older, edited(older, edit), 'en', edit);
  });

  it('finds the three edits in Arabic', async () => {
    const older = await segmentsOf('un-ga-res-55-100/UN_GA_res55-100.ar.txt');
    const edit: Edit = {
      remove: 'p_3',
      move: 'para_1',
      before: null,
      change: 'para_3',
      replace: [['تهيب بجميع الدول', 'تهيب مرة أخرى بجميع الدول']],
      words: [{ op: 'insert', text: 'مرة أخرى ' }],
    };
    expectThreeEdits(older, edited(older, edit), 'ar', edit);
  });

  it('reads a moved paragraph that also changed as moved, with its words', async () => {
    const older = await segmentsOf('un-ga-res-55-100/UN_GA_res55-100.en.txt');
    const newer = [...older];
    const [para4] = newer.splice(13, 1);
    newer.splice(6, 0, { ...para4!, text: para4!.text.replace('Also calls upon', 'Calls upon') });
    const changes = compareSegments(older, newer, 'en');
    expect(summarizeChanges(changes)).toMatchObject({ moved: 1, equal: older.length - 1 });
    const moved = changes.find((c) => c.kind === 'moved')!;
    expect([moved.a, moved.b]).toEqual([13, 6]);
    expect(moved.similarity).toBeLessThan(1);
    expect(moved.words?.filter((w) => w.op !== 'equal')).toEqual([
      { op: 'delete', text: 'Also calls' },
      { op: 'insert', text: 'Calls' },
    ]);
  });

  it('keeps unlike paragraphs between the same anchors as a deletion and an insertion', async () => {
    const older = await segmentsOf('un-ga-res-55-100/UN_GA_res55-100.en.txt');
    const newer = older.map((s) =>
      s.eId === 'p_9' ? { ...s, text: 'Noting the report of the Secretary-General,' } : s,
    );
    const changes = compareSegments(older, newer, 'en');
    expect(changes.filter((c) => c.kind !== 'equal')).toEqual([
      { kind: 'deleted', a: 9, b: null, similarity: 0 },
      { kind: 'inserted', a: null, b: 9, similarity: 0 },
    ]);
  });
});

describe('compareSegments on small inputs', () => {
  const texts = (...t: string[]) => t.map((text) => ({ text }));

  it('handles empty sides', () => {
    expect(compareSegments([], [], 'en')).toEqual([]);
    expect(compareSegments(texts('a'), [], 'en')).toEqual([
      { kind: 'deleted', a: 0, b: null, similarity: 0 },
    ]);
    expect(compareSegments([], texts('a'), 'en')).toEqual([
      { kind: 'inserted', a: null, b: 0, similarity: 0 },
    ]);
  });

  it('places deletions before the first paragraph when nothing precedes them', () => {
    const changes = compareSegments(texts('gone', 'kept'), texts('new one', 'kept'), 'en');
    expect(changes.map((c) => c.kind)).toEqual(['deleted', 'inserted', 'equal']);
  });

  it('gives word changes for a paragraph with the same words in another order', () => {
    const [change] = compareSegments(texts('family, all.'), texts('all, family.'), 'en');
    expect(change).toMatchObject({ kind: 'changed', similarity: 1 });
    expect(change!.words?.some((w) => w.op !== 'equal')).toBe(true);
  });

  it('stops pairing when its budget is spent, leaving insertions and deletions', () => {
    const older = texts('one two three four', 'kept');
    const newer = texts('one two three five', 'kept');
    expect(compareSegments(older, newer, 'en').map((c) => c.kind)).toEqual(['changed', 'equal']);
    expect(compareSegments(older, newer, 'en', { pairingBudget: 0 }).map((c) => c.kind)).toEqual([
      'deleted',
      'inserted',
      'equal',
    ]);
  });

  it('pairs repeated paragraphs in order and reports a swapped pair as one move', () => {
    const changes = compareSegments(texts('x', 'x', 'a', 'b'), texts('x', 'x', 'b', 'a'), 'en');
    expect(summarizeChanges(changes)).toMatchObject({ equal: 3, moved: 1 });
  });
});
