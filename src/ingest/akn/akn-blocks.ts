/**
 * @module The body of an Akoma Ntoso document → text blocks that keep the source's eIds and
 * numbers. Hierarchical elements (hcontainer, chapter, article, paragraph, subparagraph, point…)
 * give a heading block when they have a <heading> and a paragraph block for their own text
 * (intro, content, wrapUp); blockList items give list items; authorialNotes give footnote blocks
 * right after the block they sit in. Our own export (akn-export.ts) is the simple case of this.
 */
import {
  ExtractionError,
  type BlockKind,
  type ExtractionLimits,
  type TextBlock,
} from '../extracted-document.js';
import { childElement, elementsOf, type XmlElement } from '../formats/xml-guard-parse.js';

// prettier-ignore
const HIERARCHY = new Set([
  'alinea', 'article', 'book', 'chapter', 'clause', 'division', 'hcontainer', 'indent', 'level',
  'list', 'paragraph', 'part', 'point', 'proviso', 'rule', 'section', 'subchapter', 'subclause',
  'subdivision', 'sublist', 'subparagraph', 'subpart', 'subrule', 'subsection', 'subtitle',
  'title', 'tome', 'transitional', 'citation', 'recital',
]);
/** Not body text: metadata, the front matter read for metadata, tables of contents. */
const SKIPPED = new Set(['meta', 'preface', 'coverPage', 'toc', 'componentRef', 'documentRef']);
/** Inline elements whose text is not part of the sentence they sit in. */
const SILENT = new Set(['noteRef', 'del', 'marker', 'img']);
const LINE_BREAKS = new Set(['eol', 'eop', 'br']);
const OWN_TEXT = new Set(['intro', 'content', 'wrapUp', 'listIntroduction', 'listWrapUp']);
/** Segment eIds as the domain defines them (src/domain/documents.ts). */
const SEGMENT_EID = /^[a-z][a-z0-9_]*$/u;

/**
 * Removes the whitespace a pretty-printer adds (runs containing a line break become one space)
 * and trims; spaces inside a line are the author's and stay as they are.
 */
export function normalizeAknText(raw: string): string {
  return raw
    .replace(/[ \t]*[\r\n][ \t\r\n]*/gu, ' ')
    .replace(/^[ \t]+|[ \t]+$/gu, '')
    .normalize('NFC');
}

/** The number without the full stop printing adds: "6." → "6" (see akn-export.ts). */
export function numFromPrinted(printed: string): string {
  return printed.endsWith('.') ? printed.slice(0, -1) : printed;
}

export interface AknBlocks {
  readonly blocks: TextBlock[];
  readonly warnings: string[];
}

export function aknBodyBlocks(document: XmlElement, limits: ExtractionLimits): AknBlocks {
  const blocks: TextBlock[] = [];
  const used = new Set<string>();
  const refused: string[] = [];
  let total = 0;

  /** A source eId kept only if it is a valid, unused segment eId; others are reassigned later. */
  const claim = (element: XmlElement): string | undefined => {
    const eId = element.attrs['eId'] ?? element.attrs['id'];
    if (eId === undefined) return undefined;
    if (!SEGMENT_EID.test(eId) || used.has(eId)) {
      refused.push(eId);
      return undefined;
    }
    used.add(eId);
    return eId;
  };

  const push = (block: TextBlock): void => {
    if (block.text === '') return;
    if (block.text.length > limits.maxLineChars) {
      throw new ExtractionError(
        'line_too_long',
        `${block.eId ?? `a ${block.kind}`} has ${block.text.length} characters; the limit is ${limits.maxLineChars}`,
      );
    }
    total += block.text.length;
    if (total > limits.maxTextChars) {
      throw new ExtractionError('too_large', `more than ${limits.maxTextChars} characters of text`);
    }
    blocks.push(block);
  };

  const block = (
    kind: BlockKind,
    text: string,
    eId?: string,
    num?: string,
    level?: number,
  ): TextBlock => ({
    kind,
    text,
    ...(eId !== undefined ? { eId } : {}),
    ...(num !== undefined ? { num } : {}),
    ...(level !== undefined ? { level } : {}),
  });

  /** Inline text; footnotes met on the way are set aside to follow the block. */
  const inline = (element: XmlElement, notes: XmlElement[]): string => {
    let text = '';
    for (const child of element.children) {
      if (typeof child === 'string') text += child;
      else if (child.local === 'authorialNote') notes.push(child);
      else if (LINE_BREAKS.has(child.local)) text += ' ';
      else if (!SILENT.has(child.local)) text += inline(child, notes);
    }
    return text;
  };

  /** The text of a container of <p>s (content, intro, an authorialNote), paragraphs joined. */
  const ownText = (element: XmlElement, notes: XmlElement[], rest: XmlElement[]): string => {
    const parts: string[] = [];
    for (const child of elementsOf(element)) {
      if (child.local === 'p' || child.local === 'block')
        parts.push(normalizeAknText(inline(child, notes)));
      else if (child.local === 'authorialNote') notes.push(child);
      else rest.push(child);
    }
    const loose = element.children.filter((c): c is string => typeof c === 'string').join('');
    if (parts.length === 0 && rest.length === 0) return normalizeAknText(inline(element, notes));
    return [normalizeAknText(loose), ...parts].filter((p) => p !== '').join(' ');
  };

  const footnotes = (notes: readonly XmlElement[]): void => {
    for (const note of notes) {
      const marker = note.attrs['marker'];
      const num = marker === undefined ? undefined : normalizeAknText(marker);
      textBlock('footnote', note, claim(note), num, 1);
    }
  };

  const numOf = (element: XmlElement): string | undefined => {
    const num = childElement(element, 'num');
    return num === undefined ? undefined : numFromPrinted(normalizeAknText(inline(num, [])));
  };

  const hierarchy = (element: XmlElement, parentLevel: number): void => {
    const level = parentLevel + 1;
    let eId = claim(element);
    let num = numOf(element);
    const heading = childElement(element, 'heading');
    if (heading !== undefined) {
      const notes: XmlElement[] = [];
      const kind =
        element.local === 'hcontainer' && element.attrs['name'] === 'title' ? 'title' : 'heading';
      push(
        block(
          kind,
          normalizeAknText(inline(heading, notes)),
          eId,
          num,
          kind === 'heading' ? level : undefined,
        ),
      );
      footnotes(notes);
      [eId, num] = [undefined, undefined];
    }
    for (const child of elementsOf(element)) {
      if (['num', 'heading'].includes(child.local)) continue;
      if (child.local === 'subheading') {
        push(
          block('heading', normalizeAknText(inline(child, [])), undefined, undefined, level + 1),
        );
        continue;
      }
      if (OWN_TEXT.has(child.local)) {
        textBlock('paragraph', child, eId, num, level);
        [eId, num] = [undefined, undefined];
      } else if (child.local === 'p' || child.local === 'block') {
        // Recitals and citations hold their <p> directly, without <content>.
        const notes: XmlElement[] = [];
        push(block('paragraph', normalizeAknText(inline(child, notes)), eId ?? claim(child), num));
        footnotes(notes);
        [eId, num] = [undefined, undefined];
      } else {
        walk(child, level);
      }
    }
  };

  /** One block for a text container, its footnotes, then whatever else it holds. */
  const textBlock = (
    kind: BlockKind,
    element: XmlElement,
    eId: string | undefined,
    num: string | undefined,
    level: number,
  ): void => {
    const notes: XmlElement[] = [];
    const rest: XmlElement[] = [];
    push(block(kind, ownText(element, notes, rest), eId, num));
    footnotes(notes);
    rest.forEach((child) => walk(child, level));
  };

  const walk = (element: XmlElement, level: number): void => {
    const { local } = element;
    if (SKIPPED.has(local)) return;
    if (local === 'authorialNote') return footnotes([element]);
    if (HIERARCHY.has(local)) return hierarchy(element, level);
    if (local === 'p' || local === 'block') {
      const notes: XmlElement[] = [];
      push(block('paragraph', normalizeAknText(inline(element, notes)), claim(element)));
      return footnotes(notes);
    }
    if (local === 'item') {
      const eId = claim(element);
      const num = numOf(element);
      const children = element.children.filter((c) => typeof c === 'string' || c.local !== 'num');
      return textBlock('list-item', { ...element, children }, eId, num, level);
    }
    if (OWN_TEXT.has(local)) return textBlock('paragraph', element, undefined, undefined, level);
    if (local === 'tr') {
      const cells = elementsOf(element).map((cell) => ownText(cell, [], []));
      if (cells.some((c) => c !== '')) push(block('paragraph', cells.join(' | ')));
      return;
    }
    elementsOf(element).forEach((child) => walk(child, level));
  };

  walk(document, 0);
  const warnings =
    refused.length === 0
      ? []
      : [
          `${refused.length} eId(s) could not be kept (not a Pillars eId, or repeated), e.g. "${refused[0]!}"; new ones will be assigned`,
        ];
  return { blocks, warnings };
}
