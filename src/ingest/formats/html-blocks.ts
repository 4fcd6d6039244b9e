/**
 * @module HTML → text blocks with htmlparser2's streaming callbacks: no DOM, no scripts, no
 * network, one pass. Headings, paragraphs, list items and table rows come out in reading order;
 * footnote bodies are gathered apart and appended at the end, and reference marks ("[1]") are
 * dropped from the text they interrupt. Also used for the HTML mammoth makes from .docx files.
 */
import { Parser } from 'htmlparser2';
import { isLang, type Lang } from '../../domain/language-codes.js';
import { ExtractionError, type ExtractionLimits, type TextBlock } from '../extracted-document.js';
import {
  collapseWhitespace,
  formatListNumber,
  noteNumberFromId,
  noteRole,
  printNumberMarks,
  takeNumberMark,
} from './html-text.js';

export interface HtmlParseOptions {
  /** Number `<ol>` items from the list's own counter (off for mammoth, whose lists restart). */
  readonly olNumbers?: boolean;
  /** Read the NUM_MARK-bracketed numbers docx.ts writes in front of numbered paragraphs. */
  readonly numberMarks?: boolean;
}

export interface HtmlContent {
  readonly blocks: TextBlock[];
  readonly title?: string;
  readonly lang?: Lang;
}

// prettier-ignore
const SKIPPED = new Set([
  'script', 'style', 'noscript', 'template', 'head', 'svg', 'canvas', 'iframe', 'object',
  'embed', 'video', 'audio', 'select', 'textarea', 'button', 'map',
]);
// prettier-ignore
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details',
  'dialog', 'dir', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html', 'legend', 'li', 'main',
  'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th',
  'thead', 'tr', 'ul',
]);

interface Frame {
  readonly name: string;
  readonly counts: { skip?: true; title?: true; reference?: true; note?: true; table?: true };
  /** Heading level, on h1–h6. */
  level?: number;
  /** The counter of an `<ol>` (or the marker of a `<ul>`). */
  list?: { ordered: boolean; next: number; type: string };
  /** A list item's or note's number, handed to the first block emitted inside it. */
  num?: string;
}

/** Parses HTML into blocks plus the `<title>` (or first h1) and `<html lang>`. */
export function parseHtml(
  html: string,
  limits: ExtractionLimits,
  options: HtmlParseOptions = {},
): HtmlContent {
  const blocks: TextBlock[] = [];
  const notes: TextBlock[] = [];
  const stack: Frame[] = [];
  const depth = { skip: 0, title: 0, reference: 0, note: 0, table: 0 };
  let main = '';
  let note = '';
  let cell: string | null = null;
  let row: string[] | null = null;
  let title = '';
  let titleDone = false;
  let firstH1: string | undefined;
  let lang: Lang | undefined;
  let total = 0;

  const nearest = (test: (frame: Frame) => boolean): Frame | undefined => {
    for (let i = stack.length - 1; i >= 0; i--) if (test(stack[i]!)) return stack[i];
    return undefined;
  };

  const push = (target: TextBlock[], block: TextBlock): void => {
    if (block.text.length > limits.maxLineChars) {
      throw new ExtractionError(
        'line_too_long',
        `a ${block.kind} of ${block.text.length} characters is longer than the limit of ${limits.maxLineChars}`,
      );
    }
    total += block.text.length;
    if (total > limits.maxTextChars) {
      throw new ExtractionError(
        'too_large',
        `more than ${limits.maxTextChars} characters of text; split the document`,
      );
    }
    target.push(block);
  };

  /** Collapses, reads a leading number mark, and takes an owner's number on first use. */
  const finish = (raw: string, owner: Frame | undefined): { text: string; num?: string } => {
    const marked = options.numberMarks ? takeNumberMark(collapseWhitespace(raw)) : undefined;
    const text = (marked ? marked.text : collapseWhitespace(raw)).normalize('NFC');
    let num = marked?.num;
    if (text !== '' && num === undefined && owner?.num !== undefined) {
      num = owner.num;
      owner.num = undefined;
    }
    return num === undefined || num === '' ? { text } : { text, num };
  };

  const flushMain = (): void => {
    const raw = main;
    main = '';
    const owner = nearest((f) => f.level !== undefined || f.name === 'li');
    const { text, num } = finish(raw, owner);
    if (text === '') return;
    if (owner?.level !== undefined) {
      if (owner.level === 1 && firstH1 === undefined) firstH1 = text;
      push(blocks, { kind: 'heading', text, level: owner.level, ...(num ? { num } : {}) });
    } else if (owner?.name === 'li') {
      push(blocks, { kind: 'list-item', text, ...(num ? { num } : {}) });
    } else {
      push(blocks, { kind: 'paragraph', text, ...(num ? { num } : {}) });
    }
  };

  const flushNote = (): void => {
    const raw = note;
    note = '';
    // The number comes from inside the note (li#fn3, div#ftn3), never from a list around it.
    let owner: Frame | undefined;
    let containers = 0;
    for (let i = stack.length - 1; i >= 0 && owner === undefined; i--) {
      if (stack[i]!.num !== undefined) owner = stack[i];
      else if (stack[i]!.counts.note && ++containers === depth.note) break;
    }
    const { text, num } = finish(raw, owner);
    if (text !== '') push(notes, { kind: 'footnote', text, ...(num ? { num } : {}) });
  };

  const flushRow = (): void => {
    if (row !== null && row.some((c) => c !== '')) {
      push(blocks, { kind: 'paragraph', text: row.join(' | ') });
    }
    row = null;
  };

  /** A block boundary: ends the current paragraph (or adds a space inside a table cell). */
  const boundary = (): void => {
    if (depth.note > 0) flushNote();
    else if (cell !== null) cell += ' ';
    else flushMain();
  };

  /** A table cell's text: a number stays printed in front of its text, as in the table. */
  const cellText = (raw: string): string =>
    collapseWhitespace(options.numberMarks ? printNumberMarks(raw) : raw).normalize('NFC');

  /** Runs before the element's frame is pushed, so a boundary ends the text before it. */
  const open = (frame: Frame, attrs: Readonly<Record<string, string>>): void => {
    const { name } = frame;
    if (name === 'html' && attrs['lang'] !== undefined) {
      const primary = attrs['lang'].toLowerCase().split(/[-_]/u)[0] ?? '';
      if (isLang(primary)) lang = primary;
    }
    if (name === 'title' && !titleDone && nearest((f) => f.name === 'svg') === undefined) {
      frame.counts.title = true;
      depth.title++;
    }
    if (SKIPPED.has(name) || name === 'title') {
      frame.counts.skip = true;
      depth.skip++;
    }
    if (depth.skip > 0 || depth.reference > 0) return;
    const role = noteRole(name, attrs);
    if (role === 'reference') {
      frame.counts.reference = true;
      depth.reference++;
      return;
    }
    if (role === 'body') {
      if (depth.note > 0) flushNote();
      frame.counts.note = true;
      depth.note++;
      frame.num = noteNumberFromId(attrs);
    }
    if (name === 'br') {
      if (depth.note > 0) note += ' ';
      else if (cell !== null) cell += ' ';
      else main += ' ';
      return;
    }
    if (depth.note === 0 && name === 'table') {
      if (depth.table === 0) flushMain();
      else boundary();
      frame.counts.table = true;
      depth.table++;
      return;
    }
    if (depth.note === 0 && depth.table === 1 && cell === null && name === 'tr') {
      flushRow();
      row = [];
      return;
    }
    if (
      depth.note === 0 &&
      depth.table === 1 &&
      cell === null &&
      (name === 'td' || name === 'th')
    ) {
      flushMain();
      cell = '';
      return;
    }
    if (BLOCKS.has(name)) boundary();
    if (name === 'ol' || name === 'ul') {
      const start = Number.parseInt(attrs['start'] ?? '1', 10);
      const next = Number.isNaN(start) ? 1 : start;
      frame.list = { ordered: name === 'ol', next, type: attrs['type'] ?? '1' };
    } else if (name === 'li') {
      const list = nearest((f) => f.list !== undefined)?.list;
      if (list?.ordered) {
        const value = Number.parseInt(attrs['value'] ?? '', 10);
        const n = Number.isNaN(value) ? list.next : value;
        list.next = n + 1;
        if (options.olNumbers !== false) frame.num ??= formatListNumber(n, list.type);
      }
    } else if (/^h[1-6]$/u.test(name)) {
      frame.level = Number(name[1]);
    }
  };

  /** Runs while the element's frame is still on the stack, so its text knows its owner. */
  const close = (frame: Frame): void => {
    const { name, counts } = frame;
    if (counts.title) {
      depth.title--;
      titleDone = true;
    }
    if (counts.skip) depth.skip--;
    if (counts.reference) depth.reference--;
    if (depth.skip > 0 || depth.reference > 0 || counts.reference) return;
    if (counts.table) {
      depth.table--;
      if (depth.table > 0) return boundary();
      if (cell !== null) (row ??= []).push(cellText(cell));
      cell = null;
      flushMain();
      return flushRow();
    }
    const inTable = depth.note === 0 && depth.table === 1;
    if (inTable && (name === 'td' || name === 'th') && cell !== null) {
      (row ??= []).push(cellText(cell));
      cell = null;
      return;
    }
    if (inTable && name === 'tr' && cell === null) {
      flushMain();
      return flushRow();
    }
    if (counts.note) {
      flushNote();
      depth.note--;
      return;
    }
    if (BLOCKS.has(name)) boundary();
  };

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const frame: Frame = { name, counts: {} };
        open(frame, attrs);
        stack.push(frame);
      },
      ontext(text) {
        if (depth.title > 0) title += text;
        if (depth.skip > 0 || depth.reference > 0) return;
        if (depth.note > 0) note += text;
        else if (cell !== null) cell += text;
        else main += text;
      },
      onclosetag() {
        const frame = stack.at(-1);
        if (frame === undefined) return;
        close(frame);
        stack.pop();
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  flushMain();
  flushNote();
  flushRow();

  const pageTitle = collapseWhitespace(title).normalize('NFC');
  const docTitle = pageTitle !== '' ? pageTitle : firstH1;
  return {
    blocks: [...blocks, ...notes],
    ...(docTitle !== undefined ? { title: docTitle } : {}),
    ...(lang !== undefined ? { lang } : {}),
  };
}
