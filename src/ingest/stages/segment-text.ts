/**
 * @module Turns body paragraphs into addressable segments with AKN-style eIds: numbered
 * paragraphs (`para_6`), lettered sub-paragraphs (`para_6__subpara_b`), headings
 * (`hcontainer_2`), unnumbered paragraphs, list items and footnotes (`fn_1`).
 */
import type { Segment, SegmentKind } from '../../domain/documents.js';
import type { LanguageProfile } from '../languages/language-profile.js';
import type { Paragraph } from './paragraphs.js';

const NUMBERED = /^(\d{1,3})\s?[.．]\s+(\S.*)$/su;
const NUMBERED_ARABIC = /^(\d{1,3})\s+[-–]\s+(\S.*)$/su;
const LETTERED = /^(\(\s?(\p{L}{1,2}|[ivxlc]+)\s?\)|(\p{L})\))\s+(\S.*)$/su;
const ROMAN_HEADING = /^([IVXLC]{1,6})\.\s+(\S.{0,150})$/u;
const LETTER_HEADING = /^([A-H])\.\s+(\S.{0,150})$/u;
const TERMINAL = /[.。:：;；,，、!?！？]$/u;
const ROMAN = /^[ivxlc]+$/u;

function eIdPart(value: string): string {
  return (
    value
      .toLowerCase()
      .replace(/[^a-z0-9]+/gu, '_')
      .replace(/^_|_$/gu, '') || 'x'
  );
}

/** The Latin letter a lettered sub-paragraph stands for: (б) → b, (ب) → b, (c) → c. */
function letterKey(letter: string, profile: LanguageProfile): string {
  const lower = letter.toLowerCase();
  if (/^[a-z]+$/u.test(lower)) return lower;
  const position = [...profile.subparagraphLetters].indexOf(lower);
  return position >= 0 ? String.fromCharCode(97 + (position % 26)) : eIdPart(lower);
}

function kindFromEId(eId: string): SegmentKind {
  if (eId === 'title') return 'title';
  if (eId.startsWith('hcontainer')) return 'heading';
  if (eId.startsWith('fn')) return 'footnote';
  if (eId.includes('subpara') || eId.includes('point')) return 'subparagraph';
  if (eId.startsWith('item') || eId.includes('__item')) return 'list-item';
  return 'paragraph';
}

export function segmentParagraphs(
  title: string | null,
  body: readonly Paragraph[],
  profile: LanguageProfile,
): Segment[] {
  const segments: Segment[] = [];
  const used = new Set<string>();
  const add = (segment: Segment) => {
    let eId = segment.eId;
    for (let n = 2; used.has(eId); n++) eId = `${segment.eId}_${n}`;
    used.add(eId);
    segments.push({ ...segment, eId });
  };
  if (title !== null && title !== '') add({ eId: 'title', kind: 'title', num: null, text: title });

  const hasNumbered = body.some(
    (p) => p.kind !== 'footnote' && (NUMBERED.test(p.text) || NUMBERED_ARABIC.test(p.text)),
  );
  let parent: string | null = null;
  let lastLetter: { eId: string; key: string } | null = null;
  const counters = { unnumbered: 0, heading: 0, footnote: 0, item: 0 };

  body.forEach((original, index) => {
    let p = original;
    if (p.eId !== undefined) {
      add({ eId: p.eId, kind: kindFromEId(p.eId), num: p.num ?? null, text: p.text });
      return;
    }
    if (p.kind === 'footnote') {
      counters.footnote++;
      add({
        eId: `fn_${eIdPart(p.num ?? String(counters.footnote))}`,
        kind: 'footnote',
        num: p.num ?? null,
        text: p.text,
      });
      return;
    }
    if (p.kind === 'title') {
      add({ eId: 'title', kind: 'title', num: null, text: p.text });
      return;
    }
    // Word's automatic numbering arrives beside the text: put it back where typed numbers stand.
    const text =
      p.num !== undefined && p.kind !== 'heading'
        ? /^\d+$/u.test(p.num)
          ? `${p.num}. ${p.text}`
          : `${p.num} ${p.text}`
        : p.text;
    p = { ...p, text };
    const numbered = NUMBERED.exec(p.text) ?? NUMBERED_ARABIC.exec(p.text);
    if (numbered) {
      parent = `para_${numbered[1]!}`;
      lastLetter = null;
      add({ eId: parent, kind: 'paragraph', num: numbered[1]!, text: numbered[2]!.trim() });
      return;
    }
    const lettered = LETTERED.exec(p.text);
    if (lettered) {
      const label = lettered[1]!;
      const letter = lettered[2] ?? lettered[3]!;
      const key = letterKey(letter, profile);
      // (i) after (h) is a letter; (i) after (a) is the first point of a sub-paragraph.
      const isPoint =
        ROMAN.test(key) &&
        lastLetter !== null &&
        !(key === 'i' && lastLetter.key === 'h') &&
        !(key.length === 1 && key.charCodeAt(0) === lastLetter.key.charCodeAt(0) + 1);
      const eId =
        isPoint && lastLetter
          ? `${lastLetter.eId}__point_${key}`
          : `${parent ? `${parent}__` : ''}subpara_${key}`;
      if (!isPoint) lastLetter = { eId, key };
      add({ eId, kind: 'subparagraph', num: label, text: lettered[4]!.trim() });
      return;
    }
    if (p.kind === 'list-item') {
      counters.item++;
      add({ eId: `item_${counters.item}`, kind: 'list-item', num: p.num ?? null, text: p.text });
      return;
    }
    const heading =
      p.kind === 'heading' ? null : (ROMAN_HEADING.exec(p.text) ?? LETTER_HEADING.exec(p.text));
    const looksLikeHeading =
      p.kind === 'heading' ||
      (heading !== null && !TERMINAL.test(p.text)) ||
      (p.text.length < 100 &&
        !TERMINAL.test(p.text) &&
        !/[:：]/u.test(p.text) &&
        /^\p{Lu}/u.test(p.text) &&
        index < body.length - 1);
    if (looksLikeHeading) {
      counters.heading++;
      parent = null;
      lastLetter = null;
      add({
        eId: `hcontainer_${counters.heading}`,
        kind: 'heading',
        num: heading ? heading[1]! : (p.num ?? null),
        text: heading ? heading[2]!.trim() : p.text,
      });
      return;
    }
    counters.unnumbered++;
    add({
      eId: `${hasNumbered ? 'p' : 'para'}_${counters.unnumbered}`,
      kind: 'paragraph',
      num: null,
      text: p.text,
    });
  });
  return segments;
}
