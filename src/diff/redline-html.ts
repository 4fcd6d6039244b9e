/**
 * @module A comparison as a standalone HTML5 page (a redline): one block per paragraph, word
 * changes as `<ins>`/`<del>`, whole inserted and deleted paragraphs likewise, moved paragraphs
 * shown at their new place with where they came from and, struck through, at their old one. No
 * script and no external resource, so the page can be saved, mailed or printed as it is. Every
 * block carries its language and direction: Arabic is right-to-left, other blocks `dir="auto"`.
 */
import type { AlignLang, ParagraphChange, WordChange } from '../domain/alignment.js';
import { summarizeChanges, withMoveOrigins, type RedlineEntry } from './compare-segments.js';

/** One side of a comparison as a redline shows it. */
export interface RedlineSide {
  /** How the side is named to the reader, e.g. "A/RES/55/100 (en), version 1". */
  readonly label: string;
  readonly lang: AlignLang;
  readonly segments: readonly { readonly eId: string; readonly text: string }[];
}

/** What a redline is made from: the two sides and their comparison (`compareSegments`). */
export interface RedlineInput {
  readonly title: string;
  readonly older: RedlineSide;
  readonly newer: RedlineSide;
  readonly changes: readonly ParagraphChange[];
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** The language tag for `lang`: Chinese as Simplified, so browsers pick the SC CJK face. */
export function htmlLang(lang: AlignLang): string {
  return lang === 'zh' ? 'zh-Hans' : lang;
}

export function isRightToLeft(lang: AlignLang): boolean {
  return lang === 'ar';
}

function langAttributes(lang: AlignLang): string {
  return `lang="${escapeHtml(htmlLang(lang))}" dir="${isRightToLeft(lang) ? 'rtl' : 'auto'}"`;
}

const STYLE = `
body{font-family:system-ui,'Noto Sans','Noto Sans CJK SC','Noto Naskh Arabic',sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;line-height:1.6;color:#1a1a1a}
header{border-block-end:1px solid #ccc;margin-block-end:1rem}
.sides,.summary{color:#555;margin:.25rem 0}
.change{margin:.5rem 0;padding:.25rem .75rem;border-inline-start:4px solid transparent}
.change p{margin:0}
.eid{font:.75rem ui-monospace,monospace;color:#777}
.note{font-size:.85rem;color:#555;font-style:italic}
ins{background:#d7f5dd;color:#0b5d1e;text-decoration:underline}
del{background:#fbe0e0;color:#8f1d1d;text-decoration:line-through}
.changed{border-inline-start-color:#d9a400}
.inserted{border-inline-start-color:#2e9d4a}
.deleted{border-inline-start-color:#c53b3b}
.moved{border-inline-start-color:#3569c7}
.moved-from{border-inline-start-color:#9fb6e3;opacity:.75}
`.trim();

/** The redline of a comparison as a complete HTML document. */
export function redlineHtml(input: RedlineInput): string {
  const { older, newer } = input;
  const counts = summarizeChanges(input.changes);
  const summary = (['changed', 'moved', 'inserted', 'deleted', 'equal'] as const)
    .map((kind) => `${counts[kind]} ${kind}`)
    .join(' · ');
  const blocks = withMoveOrigins(input.changes).map((entry) => block(entry, input));
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(htmlLang(newer.lang))}" dir="${isRightToLeft(newer.lang) ? 'rtl' : 'ltr'}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(input.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<header>',
    `<h1 dir="auto">${escapeHtml(input.title)}</h1>`,
    `<p class="sides">Older: <bdi class="side older" ${langAttributes(older.lang)}>${escapeHtml(older.label)}</bdi>`,
    ` → Newer: <bdi class="side newer" ${langAttributes(newer.lang)}>${escapeHtml(newer.label)}</bdi></p>`,
    `<p class="summary">${summary}</p>`,
    '</header>',
    '<main>',
    ...blocks,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/**
 * One paragraph. Its `id` is `a-<eId>` for a place in the older text (a deletion, a moved
 * paragraph's old place) and `b-<eId>` otherwise, so a move's two places can link to each other.
 */
function block(entry: RedlineEntry, input: RedlineInput): string {
  const { change } = entry;
  const olderSegment = change.a === null ? undefined : input.older.segments[change.a];
  const newerSegment = change.b === null ? undefined : input.newer.segments[change.b];
  const olderId = olderSegment?.eId ?? '';
  const newerId = newerSegment?.eId ?? '';
  const olderText = escapeHtml(olderSegment?.text ?? '');
  const newerText = escapeHtml(newerSegment?.text ?? '');
  const section = (kind: string, side: 'a' | 'b', body: string, note = ''): string => {
    const eId = side === 'a' ? olderId : newerId;
    const lang = side === 'a' ? input.older.lang : input.newer.lang;
    return (
      `<section class="change ${kind}" id="${side}-${escapeHtml(eId)}" ${langAttributes(lang)}>` +
      `<div class="eid">${escapeHtml(eId)}</div>${note}<p>${body}</p></section>`
    );
  };
  const link = (text: string, side: 'a' | 'b', eId: string) =>
    `<p class="note" dir="auto">${escapeHtml(text)} <a href="#${side}-${escapeHtml(eId)}">${escapeHtml(eId)}</a></p>`;

  if (entry.at === 'old')
    return section('moved-from', 'a', `<del>${olderText}</del>`, link('Moved to', 'b', newerId));
  switch (change.kind) {
    case 'equal':
      return section('equal', 'b', newerText);
    case 'inserted':
      return section('inserted', 'b', `<ins>${newerText}</ins>`);
    case 'deleted':
      return section('deleted', 'a', `<del>${olderText}</del>`);
    case 'changed':
      return section('changed', 'b', change.words ? wordsHtml(change.words) : newerText);
    case 'moved':
      return section(
        'moved',
        'b',
        change.words ? wordsHtml(change.words) : newerText,
        link('Moved from', 'a', olderId),
      );
  }
}

function wordsHtml(words: readonly WordChange[]): string {
  return words
    .map((w) =>
      w.op === 'equal'
        ? escapeHtml(w.text)
        : w.op === 'insert'
          ? `<ins>${escapeHtml(w.text)}</ins>`
          : `<del>${escapeHtml(w.text)}</del>`,
    )
    .join('');
}
