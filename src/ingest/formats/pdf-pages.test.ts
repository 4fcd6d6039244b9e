import { describe, expect, it } from 'vitest';
import {
  buildLines,
  cleanLineText,
  linesToBlocks,
  type LayoutOptions,
  type PageText,
  type PositionedLine,
  type TextFragment,
} from './pdf-pages.js';

describe('cleanLineText', () => {
  it('turns CJK radicals and compatibility ideographs into the ideographs', () => {
    expect(cleanLineText('全\u2F12支持主管部\u2ED4')).toBe('全力支持主管部门');
    expect(cleanLineText('\uF900')).toBe('\u8C48');
  });

  it('keeps Chinese full-width punctuation and other characters NFKC would change', () => {
    expect(cleanLineText('缔约国重申，全面：（见）；')).toBe('缔约国重申，全面：（见）；');
    expect(cleanLineText('1º de enero, 2ª sesión, 5 m²')).toBe('1º de enero, 2ª sesión, 5 m²');
  });

  it('undoes ligatures and Arabic presentation forms', () => {
    expect(cleanLineText('the ﬁnal oﬃce')).toBe('the final office');
    expect(cleanLineText('\uFEFB\uFE8E')).toBe('\u0644\u0627\u0627');
  });

  it('strips bidi controls, tatweel and invisibles, and keeps text NFC', () => {
    expect(cleanLineText('\u202B\u202AApril 2025\u202C\u202C \u2067x\u2069')).toBe('April 2025 x');
    expect(cleanLineText('الـــدول\u200B\uFEFF')).toBe('الدول');
    expect(cleanLineText('se\u0301curite\u0301')).toBe('sécurité');
  });

  it('collapses spaces, trims, and drops spaces between CJK characters', () => {
    expect(cleanLineText('  two\u00A0\u00A0words \t here  ')).toBe('two words here');
    expect(cleanLineText('《 不 扩 散 》 第 三 条 (a) 确认')).toBe('《不扩散》第三条 (a) 确认');
    expect(cleanLineText('line\nbreak')).toBe('line break');
  });
});

const fragment = (
  text: string,
  x0: number,
  y: number,
  size = 12,
  width?: number,
): TextFragment => ({
  text,
  x0,
  x1: x0 + (width ?? text.length * size * 0.5),
  y,
  size,
});

const page = (fragments: TextFragment[], n = 1): PageText => ({
  page: n,
  width: 595,
  height: 842,
  fragments,
});

const logical: LayoutOptions = { order: 'logical', spaceGap: 0.15, direction: 'ltr' };

describe('buildLines', () => {
  it('joins pieces on one baseline left to right, with a space only at a gap', () => {
    const lines = buildLines(
      page([
        fragment('world', 130, 100, 12, 30),
        fragment('Hello', 100, 100, 12, 28),
        fragment('second line', 100, 118),
        fragment('non-', 100, 136, 12, 24),
        fragment('stop', 124.2, 136, 12, 24),
      ]),
      logical,
    );
    expect(lines.map((l) => l.text)).toEqual(['Hello world', 'second line', 'non-stop']);
    expect(lines[0]).toMatchObject({ page: 1, x0: 100, x1: 160, y: 100, size: 12 });
  });

  it('keeps a raised footnote mark on its line', () => {
    const lines = buildLines(
      page([fragment('the Treaty', 100, 100, 12, 55), fragment('1', 155.5, 96, 7, 4)]),
      logical,
    );
    expect(lines.map((l) => l.text)).toEqual(['the Treaty1']);
  });

  it('puts no space between CJK characters, however far apart', () => {
    const lines = buildLines(
      page([fragment('缔约国', 100, 100, 14, 42), fragment('重申', 150, 100, 14, 28)]),
      logical,
    );
    expect(lines.map((l) => l.text)).toEqual(['缔约国重申']);
  });

  it('adds a space after a piece that ends a line (pdfjs hasEOL) when the next is on it', () => {
    const lines = buildLines(
      page([
        { ...fragment('Distr.:', 100, 100, 12, 30), eol: true },
        fragment('General', 130, 100),
      ]),
      logical,
    );
    expect(lines.map((l) => l.text)).toEqual(['Distr.: General']);
  });

  it('puts words read in visual order back in logical order', () => {
    const visual: LayoutOptions = { order: 'visual', spaceGap: 0.05, direction: 'rtl' };
    // "1 - تؤكد الدول" drawn right to left: the words from left to right are الدول تؤكد - 1.
    const lines = buildLines(
      page([
        fragment('لودلا', 100, 100, 20, 30),
        fragment('دكؤت', 135, 100, 20, 25),
        fragment('-', 165, 100, 20, 5),
        fragment('1', 175, 100, 20, 8),
      ]),
      visual,
    );
    expect(lines.map((l) => [l.text, l.direction])).toEqual([['1 - تؤكد الدول', 'rtl']]);
  });
});

const line = (text: string, page: number, y: number, x1 = 540, size = 12): PositionedLine => ({
  text,
  page,
  x0: 56,
  x1,
  y,
  size,
  direction: 'ltr',
});

const texts = (pages: PositionedLine[][], fontSizes = true) =>
  linesToBlocks(pages, { fontSizes }).map((b) => b.text);

describe('linesToBlocks', () => {
  it('puts a blank line where the gap between lines is larger than the usual spacing', () => {
    const pages = [
      [
        line('1. First paragraph, a full line of text', 1, 100),
        line('that goes on.', 1, 118, 200),
        line('2. Second paragraph begins here and runs on', 1, 145),
        line('to a second line, full width', 1, 163),
        line('and a third.', 1, 181, 150),
      ],
    ];
    expect(texts(pages)).toEqual([
      '1. First paragraph, a full line of text',
      'that goes on.',
      '',
      '2. Second paragraph begins here and runs on',
      'to a second line, full width',
      'and a third.',
    ]);
  });

  it('puts a blank line after a short line whose next line’s first word would have fitted', () => {
    // No extra spacing between paragraphs at all: the short line is the only clue.
    const pages = [
      [
        line('A full line of body text runs to the margin', 1, 100),
        line('and stops short.', 1, 118, 150),
        line('Next paragraph starts here and runs', 1, 136),
        line('Another full line of text that goes right to the', 1, 154),
        line('margin', 1, 172, 90),
      ],
    ];
    expect(texts(pages)).toEqual([
      'A full line of body text runs to the margin',
      'and stops short.',
      '',
      'Next paragraph starts here and runs',
      'Another full line of text that goes right to the',
      'margin',
    ]);
  });

  it('continues a paragraph over a page break, and breaks where a page ends a paragraph', () => {
    const pages = [
      [line('1. A paragraph that runs to the foot of', 1, 100), line('the page and on', 1, 118)],
      [
        line('to the next one, then ends.', 2, 60, 250),
        line('2. A new paragraph at the top of the page', 2, 87),
      ],
      [line('continues here.', 3, 60, 160)],
    ];
    expect(texts(pages)).toEqual([
      '1. A paragraph that runs to the foot of',
      'the page and on',
      'to the next one, then ends.',
      '',
      '2. A new paragraph at the top of the page',
      'continues here.',
    ]);
    expect(linesToBlocks(pages, { fontSizes: true })[3]).toEqual({
      kind: 'line',
      text: '',
      page: 2,
    });
  });

  it('breaks between a sentence’s end and a numbered paragraph, even after a full line', () => {
    const pages = [
      [line('1. A paragraph whose last line is full at the foot of the page.', 1, 100)],
      [line('2. The next paragraph, at the top of the next page', 2, 60)],
      [line('(a) A sub-paragraph', 3, 60, 200)],
    ];
    expect(texts(pages)).toEqual([
      '1. A paragraph whose last line is full at the foot of the page.',
      '',
      '2. The next paragraph, at the top of the next page',
      '(a) A sub-paragraph',
    ]);
  });

  it('breaks where the font size changes (pdfjs sizes only)', () => {
    const pages = [
      [
        line('A heading in large type here', 1, 100, 540, 16),
        line('Body text in small type', 1, 120, 540, 12),
      ],
    ];
    expect(texts(pages)).toEqual(['A heading in large type here', '', 'Body text in small type']);
    expect(texts(pages, false)).toEqual([
      'A heading in large type here',
      'Body text in small type',
    ]);
  });
});
