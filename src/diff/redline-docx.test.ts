/**
 * The Word redline: real tracked changes (w:ins / w:del with id, author and date) for every change,
 * holding the right text, readable by mammoth as the text with all changes accepted; Arabic
 * paragraphs right-to-left and Chinese runs with an East Asian font hint.
 */
import { readFileSync } from 'node:fs';
import { Parser } from 'htmlparser2';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import type { AlignLang } from '../domain/alignment.js';
import { compareSegments, withMoveOrigins } from './compare-segments.js';
import { redlineDocx } from './redline-docx.js';
import type { RedlineInput } from './redline-html.js';

const AUTHOR = 'Pillars test';
const DATE = '2024-05-06T07:08:09Z';

interface Revision {
  readonly type: 'ins' | 'del';
  readonly attribs: Record<string, string>;
  /** Whether it marks a paragraph mark (inside w:rPr of w:pPr) rather than runs. */
  readonly mark: boolean;
  text: string;
}

interface DocumentXml {
  readonly xml: string;
  readonly revisions: Revision[];
}

async function documentXml(docx: Buffer): Promise<DocumentXml> {
  const zip = await JSZip.loadAsync(docx);
  const xml = await zip.file('word/document.xml')!.async('string');
  const revisions: Revision[] = [];
  const open: string[] = [];
  let current: Revision | undefined;
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (name === 'w:ins' || name === 'w:del') {
          current = {
            type: name === 'w:ins' ? 'ins' : 'del',
            attribs,
            mark: open.includes('w:pPr'),
            text: '',
          };
          revisions.push(current);
        }
        open.push(name);
      },
      ontext(text) {
        const inText = open.at(-1) === 'w:t' || open.at(-1) === 'w:delText';
        if (current && inText) current.text += text;
      },
      onclosetag(name) {
        open.pop();
        if (name === 'w:ins' || name === 'w:del') current = undefined;
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(xml);
  parser.end();
  return { xml, revisions };
}

function sampleSegments(lang: AlignLang) {
  const path = new URL(
    `../../data/samples/un-ga-res-55-100/UN_GA_res55-100.${lang}.txt`,
    import.meta.url,
  );
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((text, i) => ({ eId: `p_${i + 1}`, text }));
}

function inputFor(
  lang: AlignLang,
  edit: (segments: { eId: string; text: string }[]) => { eId: string; text: string }[],
): RedlineInput {
  const older = sampleSegments(lang);
  const newer = edit(older.map((s) => ({ ...s })));
  return {
    title: 'A/RES/55/100',
    older: { label: 'version 1', lang, segments: older },
    newer: { label: 'version 2', lang, segments: newer },
    changes: compareSegments(older, newer, lang),
  };
}

/** The run-level revisions a redline must hold, in document order, from its changes. */
function expectedRevisions(input: RedlineInput): { type: 'ins' | 'del'; text: string }[] {
  return withMoveOrigins(input.changes).flatMap(({ change, at }) => {
    const older = change.a === null ? '' : input.older.segments[change.a]!.text;
    const newer = change.b === null ? '' : input.newer.segments[change.b]!.text;
    if (at === 'old' || change.kind === 'deleted') return [{ type: 'del' as const, text: older }];
    if (change.kind === 'inserted' || change.kind === 'moved')
      return [{ type: 'ins' as const, text: newer }];
    if (change.kind === 'changed')
      return change.words!.flatMap((w) =>
        w.op === 'equal'
          ? []
          : [{ type: w.op === 'insert' ? ('ins' as const) : ('del' as const), text: w.text }],
      );
    return [];
  });
}

describe('redlineDocx', () => {
  it('writes every change as a tracked revision with id, author and date (English)', async () => {
    const input = inputFor('en', (s) => {
      s[11]!.text = s[11]!.text
        .replace('Once again calls upon', 'Calls upon')
        .replace('all migrants', 'all migrants & refugees');
      const [moved] = s.splice(13, 1);
      s.splice(6, 0, moved!);
      s.splice(3, 1);
      s.push({
        eId: 'p_99',
        text: 'Decides to consider the question at its fifty-seventh session.',
      });
      return s;
    });
    expect(
      input.changes
        .map((c) => c.kind)
        .filter((k) => k !== 'equal')
        .sort(),
    ).toEqual(['changed', 'deleted', 'inserted', 'moved']);
    const docx = await redlineDocx({ ...input, author: AUTHOR, date: DATE });
    const { revisions } = await documentXml(docx);

    const runs = revisions.filter((r) => !r.mark);
    expect(runs.map(({ type, text }) => ({ type, text }))).toEqual(expectedRevisions(input));
    // Whole paragraphs (deleted, inserted, a move's two places) have their paragraph mark tracked too.
    expect(
      revisions
        .filter((r) => r.mark)
        .map((r) => r.type)
        .sort(),
    ).toEqual(['del', 'del', 'ins', 'ins']);
    for (const r of revisions) {
      expect(r.attribs['w:author']).toBe(AUTHOR);
      expect(r.attribs['w:date']).toBe(DATE);
      expect(r.attribs['w:id']).toMatch(/^\d+$/);
    }
    expect(new Set(revisions.map((r) => r.attribs['w:id'])).size).toBe(revisions.length);

    // mammoth reads the text as it is with every change accepted.
    const { value } = await mammoth.extractRawText({ buffer: docx });
    for (const s of input.newer.segments) expect(value).toContain(s.text);
    expect(value).not.toContain(input.older.segments[3]!.text);
    expect(value).not.toContain('Once again calls upon');
  });

  it('writes Arabic paragraphs right to left', async () => {
    const input = inputFor('ar', (s) => {
      s[11]!.text = s[11]!.text.replace('تهيب', 'تناشد');
      s.splice(3, 1);
      return s;
    });
    const { xml, revisions } = await documentXml(
      await redlineDocx({ ...input, author: AUTHOR, date: DATE }),
    );
    expect(revisions.filter((r) => !r.mark).map(({ type, text }) => ({ type, text }))).toEqual(
      expectedRevisions(input),
    );
    const paragraphs = xml.match(/<w:p>.*?<\/w:p>/gs) ?? [];
    expect(paragraphs.length).toBeGreaterThan(input.changes.length);
    // Every paragraph but the labels line is right-to-left, and every Arabic run is.
    expect(paragraphs.filter((p) => p.includes('<w:bidi/>'))).toHaveLength(paragraphs.length - 1);
    expect(xml).toContain('<w:rtl/>');
    expect(xml).toContain('w:bidi="ar-SA"');
  });

  it('gives Chinese runs the East Asian font hint', async () => {
    const input = inputFor('zh', (s) => {
      s[11]!.text = s[11]!.text.replace('再次', '');
      return s;
    });
    const { xml, revisions } = await documentXml(
      await redlineDocx({ ...input, author: AUTHOR, date: DATE }),
    );
    expect(revisions.map(({ type, text }) => ({ type, text }))).toEqual([
      { type: 'del', text: '再次' },
    ]);
    expect(xml).toMatch(/<w:rFonts w:eastAsia="SimSun" w:hint="eastAsia"\/>/);
    expect(xml).toContain('w:eastAsia="zh-CN"');
    expect(xml).not.toContain('<w:bidi/>');
  });
});
