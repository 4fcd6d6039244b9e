/**
 * `pillars align`, `pillars tmx` and `pillars diff` as a user runs them, on a seeded SQLite file:
 * GA resolution 55/100 aligned line for line in every pair of languages, a correction by a
 * person, TMX of the work and of the corpus, and the founding statement compared with an edited
 * copy (JSON, HTML and a .docx whose tracked changes are read back).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Lang } from '../../src/domain/language-codes.js';
import { runPillars } from '../support/run-pillars.js';
import { suiteTempDir } from '../support/temp-dir.js';
import { checkTmx } from '../support/tmx-structure.js';

const dir = suiteTempDir('pillars-align-cli-');
const db = join(dir, 'align.db');
const pillars = (args: string[]) => runPillars(['--db', db, ...args]);

const GA = (lang: Lang) =>
  readFileSync(`data/samples/un-ga-res-55-100/UN_GA_res55-100.${lang}.txt`, 'utf8')
    .split('\n')
    .map((line) => line.trim());
const SEED = 'data/samples/seed/p5-joint-statement-2013.zh.txt';

interface AlignJson {
  langs: string[];
  links: { type: string; a: string[]; b: string[]; origin: string }[];
  corrections: { revision: number; actor: string }[];
}
interface DocJson {
  segments: { eId: string; text: string }[];
}

/** The 1-based line of the sample file a segment's text starts in (the title loses "55/100. "). */
function sourceLine(lines: readonly string[], text: string): number {
  // The pipeline joins a Chinese line's stray spaces (家 庭 → 家庭): compare without spaces.
  const norm = (t: string) => t.normalize('NFKC').replace(/\s+/gu, '');
  const start = norm(text).slice(0, 40);
  return lines.findIndex((line) => norm(line).includes(start)) + 1;
}

describe('pillars align, tmx and diff', () => {
  beforeAll(() => {
    expect(pillars(['seed']).code).toBe(0);
  });

  // Every pair of the six is checked at the store level (test/align); here the command itself.
  it.each([
    ['en', 'zh'],
    ['ar', 'ru'],
  ] as [Lang, Lang][])('links line i to line i of A/RES/55/100 (%s–%s)', (x, y) => {
    const texts = (lang: Lang) => {
      const r = pillars(['docs', 'show', 'A/RES/55/100', '--lang', lang, '--json']);
      expect(r.code).toBe(0);
      const doc = JSON.parse(r.stdout) as DocJson;
      return new Map(doc.segments.map((s) => [s.eId, s.text]));
    };
    const [textX, textY] = [texts(x), texts(y)];
    const r = pillars(['align', 'A/RES/55/100', '--langs', `${x},${y}`, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const result = JSON.parse(r.stdout) as AlignJson;
    expect(result.langs).toEqual([x, y]);
    const lines = result.links.map((link) => {
      expect(link.type).toBe('1-1');
      return [sourceLine(GA(x), textX.get(link.a[0]!)!), sourceLine(GA(y), textY.get(link.b[0]!)!)];
    });
    // Lines 2–15 are the 14 segments (line 1, "RESOLUTION 55/100", is the symbol itself).
    expect(lines.map(([lx]) => lx).sort((p, q) => p! - q!)).toEqual(
      Array.from({ length: 14 }, (_, k) => k + 2),
    );
    for (const [lx, ly] of lines) expect(ly).toBe(lx);
  });

  it('writes TMX for the work in six languages and for the whole corpus', () => {
    const file = join(dir, 'res.tmx');
    const r = pillars(['tmx', 'A/RES/55/100', '-o', file]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/14 translation units/u);
    const tmx = checkTmx(readFileSync(file, 'utf8'));
    expect(tmx.header.srclang).toBe('*all*');
    expect(tmx.units).toHaveLength(14);
    expect(tmx.units.every((u) => u.variants.length === 6)).toBe(true);

    const all = join(dir, 'all.tmx');
    const corpus = pillars(['tmx', '--all', '-o', all]);
    expect(corpus.code, corpus.stderr).toBe(0);
    const units = checkTmx(readFileSync(all, 'utf8')).units;
    expect(units.filter((u) => u.id?.startsWith('A/RES/55/100#'))).toHaveLength(14);
  });

  it('records a correction with who made it, and prints the table with the manual link', () => {
    const r = pillars([
      'align',
      'A/RES/55/100',
      '--langs',
      'en,ru',
      '--link',
      'para_1,para_2=para_1',
      '--by',
      'Reviewer',
      '--comment',
      'test',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/2-1\s+para_1 para_2\s+para_1\s+1 \(manual\)/u);
    expect(r.stdout).toMatch(/1 corrections/u);
    const json = JSON.parse(
      pillars(['align', 'A/RES/55/100', '--langs', 'en,ru', '--refresh', '--json']).stdout,
    ) as AlignJson;
    expect(json.links.find((l) => l.origin === 'manual')).toMatchObject({
      a: ['para_1', 'para_2'],
      b: ['para_1'],
    });
    expect(json.corrections.map((c) => [c.revision, c.actor])).toEqual([[1, 'Reviewer']]);
  });

  it('refuses a correction without a name, and names the bad flag', () => {
    const r = pillars(['align', 'A/RES/55/100', '--langs', 'en,ru', '--link', 'para_1=para_1']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/--by/u);
    const bad = pillars(['align', 'A/RES/55/100', '--langs', 'en,xx']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/--langs.*'xx'/u);
  });

  describe('diff of the founding statement against an edited copy', () => {
    const edited = join(dir, 'edited.zh.txt');
    let original: DocJson['segments'];

    beforeAll(() => {
      // The statement as stored, then a copy: paragraph 3 removed, paragraph 9 moved before
      // paragraph 2, and a few words changed in paragraph 6.
      const list = pillars(['diff', SEED, SEED, '--format', 'json']);
      expect(list.code, list.stderr).toBe(0);
      original = (JSON.parse(list.stdout) as { newer: DocJson }).newer.segments;
      expect(original).toHaveLength(13);
      const body = original.slice(1).map((s) => s.text);
      const changed = body.map((text, i) =>
        i === 5 ? text.replace('五常', '五个核武器国家') : text,
      );
      const reordered = [changed[0]!, changed[8]!, ...changed.slice(1, 8), ...changed.slice(9)];
      const withoutThird = reordered.filter((text) => text !== changed[2]);
      writeFileSync(
        edited,
        [original[0]!.text, '', ...withoutThird.flatMap((t) => [t, ''])].join('\n'),
      );
    });

    it('reports exactly the removed, moved and changed paragraphs', () => {
      const r = pillars(['diff', SEED, edited, '--lang', 'zh', '--format', 'json']);
      expect(r.code, r.stderr).toBe(0);
      const result = JSON.parse(r.stdout) as {
        changes: {
          kind: string;
          a: number | null;
          b: number | null;
          words?: { op: string; text: string }[];
        }[];
        summary: Record<string, number>;
      };
      const notEqual = result.changes.filter((c) => c.kind !== 'equal');
      expect(notEqual.map((c) => [c.kind, c.a])).toEqual(
        expect.arrayContaining([
          ['deleted', 3],
          ['moved', 9],
          ['changed', 6],
        ]),
      );
      expect(notEqual).toHaveLength(3);
      const words = notEqual.find((c) => c.kind === 'changed')!.words!;
      expect(
        words
          .filter((w) => w.op === 'insert')
          .map((w) => w.text)
          .join(''),
      ).toContain('个核武器国家');
      expect(result.summary).toMatchObject({ deleted: 1, moved: 1, changed: 1, inserted: 0 });
    });

    it('prints a table on the terminal and writes an HTML redline', () => {
      const r = pillars(['diff', SEED, edited]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/1 changed, 0 inserted, 1 deleted, 1 moved, 10 unchanged/u);
      const html = join(dir, 'redline.html');
      expect(pillars(['diff', SEED, edited, '--format', 'html', '--out', html]).code).toBe(0);
      const page = readFileSync(html, 'utf8');
      expect(page).toMatch(/<ins[^>]*>[^<]*个核武器国家/u);
      expect(page).toMatch(/<del/u);
    });

    it('writes a .docx whose tracked changes carry author and date', async () => {
      const file = join(dir, 'redline.docx');
      const r = pillars([
        'diff',
        SEED,
        edited,
        '--format',
        'docx',
        '--out',
        file,
        '--by',
        'Secretariat',
      ]);
      expect(r.code, r.stderr).toBe(0);
      const bytes = readFileSync(file);
      const { value: text } = await mammoth.extractRawText({ buffer: bytes });
      expect(text).toContain('五常高兴地听取了'.slice(0, 4));
      const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
      const ins = [...xml.matchAll(/<w:ins\b([^>]*)>/gu)].map((m) => m[1]!);
      const del = [...xml.matchAll(/<w:del\b([^>]*)>/gu)].map((m) => m[1]!);
      expect(ins.length).toBeGreaterThan(0);
      expect(del.length).toBeGreaterThan(0);
      for (const attributes of [...ins, ...del]) {
        expect(attributes).toMatch(/w:author="Secretariat"/u);
        expect(attributes).toMatch(/w:date="\d{4}-\d\d-\d\dT/u);
      }
      expect(xml).toMatch(/<w:ins\b[^>]*>(?:(?!<\/w:ins>).)*个核武器国家/su);
    });

    it('names the file that cannot be read', () => {
      const r = pillars(['diff', SEED, join(dir, 'missing.txt')]);
      expect(r.code).not.toBe(0);
      expect(r.stderr).toMatch(/missing\.txt/u);
    });
  });
});
