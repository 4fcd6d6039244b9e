/**
 * @module The numbers Word prints in front of auto-numbered paragraphs ("6.", "(a)", "II."),
 * which live in numbering.xml, not in the text, and which mammoth does not compute: its `<ol>`
 * lists restart after every heading, so counting `<li>` would give wrong paragraph numbers.
 * We replay Word's counters over document.xml instead: direct or style numbering, a counter per
 * list (shared by the w:num instances of one abstract list unless one restarts it), deeper levels
 * reset by shallower ones, and the level's text pattern with its number format. lvlRestart and
 * legal-style mixing beyond isLgl are not modelled; they do not occur in UN templates we know.
 */
import { formatListNumber } from './html-text.js';
import {
  childElement,
  elementsOf,
  parseXml,
  textContent,
  type XmlElement,
} from './xml-guard-parse.js';

interface Level {
  readonly start: number;
  readonly format: string;
  readonly text: string;
  readonly legal: boolean;
}

interface NumberingDefinitions {
  readonly abstracts: Map<string, { levels: Map<number, Level>; styleLink?: string }>;
  readonly nums: Map<
    string,
    { abstractId: string; starts: Map<number, number>; levels: Map<number, Level> }
  >;
}

interface StyleNumbering {
  readonly numId?: string;
  readonly ilvl?: number;
  readonly basedOn?: string;
}

/** One paragraph of document.xml in mammoth's reading order: a text key and Word's number. */
export interface NumberedParagraph {
  readonly key: string;
  readonly label: string | null;
}

const val = (node: XmlElement | undefined): string | undefined => node?.attrs['w:val'];
const int = (value: string | undefined, fallback: number): number => {
  const n = Number.parseInt(value ?? '', 10);
  return Number.isNaN(n) ? fallback : n;
};

/** Letters and digits only: what survives both our reading and mammoth's of a paragraph. */
export function paragraphKey(text: string): string {
  return text.replace(/[^\p{L}\p{N}]/gu, '');
}

function readLevel(lvl: XmlElement): Level {
  return {
    start: int(val(childElement(lvl, 'start')), 0),
    format: val(childElement(lvl, 'numFmt')) ?? 'decimal',
    text: val(childElement(lvl, 'lvlText')) ?? '',
    legal: childElement(lvl, 'isLgl') !== undefined,
  };
}

function readNumbering(root: XmlElement | undefined): NumberingDefinitions {
  const defs: NumberingDefinitions = { abstracts: new Map(), nums: new Map() };
  for (const node of root ? elementsOf(root) : []) {
    if (node.local === 'abstractNum') {
      const levels = new Map<number, Level>();
      for (const lvl of elementsOf(node).filter((e) => e.local === 'lvl')) {
        levels.set(int(lvl.attrs['w:ilvl'], 0), readLevel(lvl));
      }
      const styleLink = val(childElement(node, 'numStyleLink'));
      defs.abstracts.set(node.attrs['w:abstractNumId'] ?? '', {
        levels,
        ...(styleLink ? { styleLink } : {}),
      });
    } else if (node.local === 'num') {
      const starts = new Map<number, number>();
      const levels = new Map<number, Level>();
      for (const override of elementsOf(node).filter((e) => e.local === 'lvlOverride')) {
        const ilvl = int(override.attrs['w:ilvl'], 0);
        const start = val(childElement(override, 'startOverride'));
        if (start !== undefined) starts.set(ilvl, int(start, 0));
        const lvl = childElement(override, 'lvl');
        if (lvl) levels.set(ilvl, readLevel(lvl));
      }
      const abstractId = val(childElement(node, 'abstractNumId')) ?? '';
      defs.nums.set(node.attrs['w:numId'] ?? '', { abstractId, starts, levels });
    }
  }
  return defs;
}

function readStyles(root: XmlElement | undefined): {
  styles: Map<string, StyleNumbering>;
  defaultStyle?: string;
} {
  const styles = new Map<string, StyleNumbering>();
  let defaultStyle: string | undefined;
  for (const style of root ? elementsOf(root).filter((e) => e.local === 'style') : []) {
    const id = style.attrs['w:styleId'];
    if (id === undefined) continue;
    if (
      style.attrs['w:type'] === 'paragraph' &&
      ['1', 'true', 'on'].includes(style.attrs['w:default'] ?? '')
    ) {
      defaultStyle = id;
    }
    const pPr = childElement(style, 'pPr');
    const numPr = pPr && childElement(pPr, 'numPr');
    const numId = val(numPr && childElement(numPr, 'numId'));
    const ilvl = val(numPr && childElement(numPr, 'ilvl'));
    const basedOn = val(childElement(style, 'basedOn'));
    styles.set(id, {
      ...(numId !== undefined ? { numId } : {}),
      ...(ilvl !== undefined ? { ilvl: int(ilvl, 0) } : {}),
      ...(basedOn !== undefined ? { basedOn } : {}),
    });
  }
  return { styles, ...(defaultStyle !== undefined ? { defaultStyle } : {}) };
}

const SEQUENCES: Readonly<Record<string, string>> = {
  lowerLetter: 'abcdefghijklmnopqrstuvwxyz',
  upperLetter: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  russianLower: 'абвгдежзиклмнопрстуфхцчшщэюя',
  russianUpper: 'АБВГДЕЖЗИКЛМНОПРСТУФХЦЧШЩЭЮЯ',
  arabicAlpha: 'أبتثجحخدذرزسشصضطظعغفقكلمنهوي',
  arabicAbjad: 'أبجدهوزحطيكلمنسعفصقرشتثخذضظغ',
  ideographTraditional: '甲乙丙丁戊己庚辛壬癸',
};

function chineseCounting(n: number): string {
  const digits = '〇一二三四五六七八九';
  if (n < 10) return digits[n]!;
  if (n >= 100) return String(n);
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : digits[tens]!}十${n % 10 === 0 ? '' : digits[n % 10]!}`;
}

/** One counter value in one of Word's number formats; unknown formats fall back to decimal. */
export function formatWordNumber(n: number, format: string): string {
  const sequence = SEQUENCES[format];
  if (sequence !== undefined && n >= 1) {
    const letters = [...sequence];
    // Word repeats the letter past the end of the alphabet: y, z, aa, bb.
    return letters[(n - 1) % letters.length]!.repeat(Math.floor((n - 1) / letters.length) + 1);
  }
  switch (format) {
    case 'decimalZero':
      return n < 10 && n >= 0 ? `0${n}` : String(n);
    case 'upperRoman':
      return formatListNumber(n, 'I');
    case 'lowerRoman':
      return formatListNumber(n, 'i');
    case 'hindiNumbers':
      return String(n).replace(/\d/gu, (d) => '٠١٢٣٤٥٦٧٨٩'[Number(d)]!);
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
      return n >= 0 ? chineseCounting(n) : String(n);
    case 'none':
      return '';
    default:
      return String(n);
  }
}

/**
 * Every paragraph of document.xml, in the order mammoth reads them (text boxes after their
 * paragraph, mc:Fallback rather than mc:Choice, deleted paragraph marks merged into the next
 * paragraph), with the label Word prints for it or null.
 */
export function numberParagraphs(
  documentXml: string,
  numberingXml: string | undefined,
  stylesXml: string | undefined,
): NumberedParagraph[] {
  const document = parseXml(documentXml, { part: 'word/document.xml' });
  const defs = readNumbering(
    numberingXml ? parseXml(numberingXml, { part: 'word/numbering.xml' }) : undefined,
  );
  const { styles, defaultStyle } = readStyles(
    stylesXml ? parseXml(stylesXml, { part: 'word/styles.xml' }) : undefined,
  );
  const counters = new Map<string, (number | undefined)[]>();
  const out: NumberedParagraph[] = [];
  let carried = '';

  const resolve = (pPr: XmlElement | undefined): { numId: string; ilvl: number } | null => {
    const numPr = pPr && childElement(pPr, 'numPr');
    const directId = val(numPr && childElement(numPr, 'numId'));
    const directLevel = val(numPr && childElement(numPr, 'ilvl'));
    let styleId = val(pPr && childElement(pPr, 'pStyle')) ?? defaultStyle;
    if (directId !== undefined) {
      return directId === '0' ? null : { numId: directId, ilvl: int(directLevel, 0) };
    }
    for (let hops = 0; styleId !== undefined && hops < 16; hops++) {
      const style = styles.get(styleId);
      if (style?.numId !== undefined) {
        return style.numId === '0'
          ? null
          : { numId: style.numId, ilvl: int(directLevel, style.ilvl ?? 0) };
      }
      styleId = style?.basedOn;
    }
    return null;
  };

  const label = (numId: string, ilvl: number): string | null => {
    let num = defs.nums.get(numId);
    let abstract = num && defs.abstracts.get(num.abstractId);
    const link = abstract?.styleLink && styles.get(abstract.styleLink)?.numId;
    if (link !== undefined && link !== numId && defs.nums.has(link)) {
      num = defs.nums.get(link);
      abstract = num && defs.abstracts.get(num.abstractId);
    }
    if (num === undefined || abstract === undefined) return null;
    const levelOf = (k: number): Level | undefined => num.levels.get(k) ?? abstract.levels.get(k);
    const startOf = (k: number): number => num.starts.get(k) ?? levelOf(k)?.start ?? 0;
    const level = levelOf(ilvl);
    if (level === undefined || level.format === 'bullet') return null;
    const key = num.starts.size > 0 ? `num:${numId}` : `abstract:${num.abstractId}`;
    const counter = counters.get(key) ?? [];
    counters.set(key, counter);
    counter[ilvl] = counter[ilvl] === undefined ? startOf(ilvl) : counter[ilvl] + 1;
    counter.fill(undefined, ilvl + 1);
    const text = level.text.replace(/%([1-9])/gu, (_, digit: string) => {
      const k = Number(digit) - 1;
      const format = level.legal ? 'decimal' : (levelOf(k)?.format ?? 'decimal');
      return formatWordNumber(counter[k] ?? startOf(k), format);
    });
    return text.trim() === '' ? null : text.trim();
  };

  /** Parts mammoth does not read text from (DrawingML text, deletions, properties). */
  const SKIP = new Set([
    'mc:Choice',
    'w:del',
    'w:moveFrom',
    'w:drawing',
    'w:sectPr',
    'w:pPr',
    'w:rPr',
  ]);

  /** w:t text of a paragraph; paragraphs nested in (VML) text boxes are collected, not read. */
  const ownText = (node: XmlElement, nested: XmlElement[]): string => {
    let text = '';
    for (const child of elementsOf(node)) {
      if (child.name === 'w:p') nested.push(child);
      else if (child.name === 'w:t') text += textContent(child);
      else if (!SKIP.has(child.name)) text += ownText(child, nested);
    }
    return text;
  };

  const paragraph = (p: XmlElement): void => {
    const pPr = childElement(p, 'pPr');
    const nested: XmlElement[] = [];
    const key = carried + paragraphKey(ownText(p, nested));
    const rPr = pPr && childElement(pPr, 'rPr');
    if (rPr !== undefined && childElement(rPr, 'del') !== undefined) {
      carried = key; // mammoth prepends a deleted paragraph mark's content to the next paragraph
    } else {
      carried = '';
      const numbering = resolve(pPr);
      out.push({ key, label: numbering ? label(numbering.numId, numbering.ilvl) : null });
    }
    nested.forEach(paragraph); // mammoth puts text-box paragraphs after their paragraph
  };

  const visit = (node: XmlElement): void => {
    for (const child of elementsOf(node)) {
      if (child.name === 'w:p') paragraph(child);
      else if (!SKIP.has(child.name)) visit(child);
    }
  };
  visit(document);
  return out;
}
