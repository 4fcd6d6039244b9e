/**
 * The HTML redline: a well-formed standalone page with the word changes as <ins>/<del>, moves
 * linked both ways, Arabic right-to-left, and the texts escaped.
 */
import { readFileSync } from 'node:fs';
import { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import type { AlignLang } from '../domain/alignment.js';
import { compareSegments } from './compare-segments.js';
import { redlineHtml, type RedlineInput } from './redline-html.js';

interface Element {
  readonly name: string;
  readonly attribs: Record<string, string>;
  text: string;
  readonly ancestors: readonly string[];
}

/** Parses `html`, checking that every element it opens is closed explicitly, in order. */
function parse(html: string): Element[] {
  const VOID = new Set(['meta', 'br', 'hr', 'img', 'link', 'input']);
  const elements: Element[] = [];
  const open: Element[] = [];
  const problems: string[] = [];
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        const element = { name, attribs, text: '', ancestors: open.map((e) => e.name) };
        elements.push(element);
        if (!VOID.has(name)) open.push(element);
      },
      ontext(text) {
        for (const element of open) element.text += text;
      },
      onclosetag(name, isImplied) {
        if (VOID.has(name)) return;
        if (isImplied) problems.push(`<${name}> closed implicitly`);
        if (open.pop()?.name !== name) problems.push(`</${name}> closes something else`);
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  expect(problems).toEqual([]);
  expect(open).toEqual([]);
  return elements;
}

/** Segments from the lines of a sample of resolution 55/100. */
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

function redlineOf(
  lang: AlignLang,
  edit: (segments: { eId: string; text: string }[]) => { eId: string; text: string }[],
): { input: RedlineInput; html: string } {
  const older = sampleSegments(lang);
  const newer = edit(older.map((s) => ({ ...s })));
  const input: RedlineInput = {
    title: 'A/RES/55/100',
    older: { label: 'version 1', lang, segments: older },
    newer: { label: 'version 2', lang, segments: newer },
    changes: compareSegments(older, newer, lang),
  };
  return { input, html: redlineHtml(input) };
}

describe('redlineHtml', () => {
  it('shows word changes, whole insertions and deletions, and a move at both places (English)', () => {
    const { input, html } = redlineOf('en', (s) => {
      s[11]!.text = s[11]!.text.replace('Once again calls upon', 'Calls upon');
      const [moved] = s.splice(13, 1);
      s.splice(6, 0, moved!);
      s.splice(3, 1);
      s.push({
        eId: 'p_99',
        text: 'Decides to consider the question at its fifty-seventh session.',
      });
      return s;
    });
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en" dir="ltr">')).toBe(true);
    const elements = parse(html);
    const byName = (name: string) => elements.filter((e) => e.name === name);
    expect(byName('title').map((e) => e.text)).toEqual(['A/RES/55/100']);
    expect(byName('script')).toEqual([]);
    expect(byName('bdi').map((e) => e.text)).toEqual(['version 1', 'version 2']);

    const sections = byName('section');
    expect(sections).toHaveLength(input.changes.length + 1);
    const kinds = sections.map((s) => s.attribs['class']);
    expect(kinds.filter((k) => k === 'change changed')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'change deleted')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'change inserted')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'change moved')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'change moved-from')).toHaveLength(1);

    const inside = (e: Element) => e.ancestors.includes('section');
    expect(
      byName('del')
        .filter(inside)
        .map((e) => e.text),
    ).toEqual([sampleSegments('en')[3]!.text, 'Once again calls', sampleSegments('en')[13]!.text]);
    expect(
      byName('ins')
        .filter(inside)
        .map((e) => e.text),
    ).toEqual(['Calls', 'Decides to consider the question at its fifty-seventh session.']);
    // The move links its two places.
    const moved = sections.find((s) => s.attribs['class'] === 'change moved')!;
    const from = sections.find((s) => s.attribs['class'] === 'change moved-from')!;
    expect(moved.attribs['id']).toBe('b-p_14');
    expect(from.attribs['id']).toBe('a-p_14');
    const links = byName('a').map((a) => a.attribs['href']);
    expect(links).toEqual(expect.arrayContaining(['#a-p_14', '#b-p_14']));
    expect(moved.text).toContain('Moved from p_14');
    for (const s of sections) expect(s.attribs).toMatchObject({ lang: 'en', dir: 'auto' });
  });

  it('lays Arabic out right to left', () => {
    const { html } = redlineOf('ar', (s) => {
      s[11]!.text = s[11]!.text.replace('تهيب', 'تناشد');
      return s;
    });
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="ar" dir="rtl">')).toBe(true);
    const elements = parse(html);
    const sections = elements.filter((e) => e.name === 'section');
    expect(sections.length).toBeGreaterThan(0);
    for (const s of sections) expect(s.attribs).toMatchObject({ lang: 'ar', dir: 'rtl' });
    expect(elements.filter((e) => e.name === 'del').map((e) => e.text)).toEqual(['تهيب']);
    expect(elements.filter((e) => e.name === 'ins').map((e) => e.text)).toEqual(['تناشد']);
  });

  it('tags Chinese as Simplified', () => {
    const { html } = redlineOf('zh', (s) => s);
    expect(html).toContain('<html lang="zh-Hans" dir="ltr">');
    expect(parse(html).filter((e) => e.name === 'section')[0]!.attribs['lang']).toBe('zh-Hans');
  });

  it('escapes everything it is given', () => {
    const nasty = `<script>alert("x")</script> & 'quotes'`;
    const older = [{ eId: 'p_1', text: nasty }];
    const newer = [{ eId: 'p_1', text: `${nasty} <b>more</b>` }];
    const html = redlineHtml({
      title: nasty,
      older: { label: nasty, lang: 'en', segments: older },
      newer: { label: '"><img src=x>', lang: 'en', segments: newer },
      changes: compareSegments(older, newer, 'en'),
    });
    const elements = parse(html);
    expect(elements.map((e) => e.name)).not.toContain('script');
    expect(elements.map((e) => e.name)).not.toContain('img');
    expect(elements.map((e) => e.name)).not.toContain('b');
    expect(elements.find((e) => e.name === 'title')!.text).toBe(nasty);
    const section = elements.find((e) => e.name === 'section')!;
    expect(section.text).toBe(`p_1${nasty} <b>more</b>`);
    expect(elements.find((e) => e.name === 'ins')!.text).toBe(' <b>more</b>');
  });
});
