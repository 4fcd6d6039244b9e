import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  findRunningLines,
  isFurnitureLine,
  isPageNumberLine,
  removeRunningLines,
  runningLineKey,
  type Page,
  type PageLine,
} from './pdf-running-lines.js';

const HEIGHT = 842;

/** A page: header lines near the top, body lines, footer lines near the bottom. */
function page(header: readonly string[], body: readonly string[], footer: readonly string[]): Page {
  const lines: PageLine[] = [
    ...header.map((text, i) => ({ text, y: 30 + 12 * i })),
    ...body.map((text, i) => ({ text, y: 90 + 18 * i })),
    ...footer.map((text, i) => ({ text, y: HEIGHT - 40 + 12 * i - 12 * (footer.length - 1) })),
  ];
  return { lines, height: HEIGHT };
}

const WORDS = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot'];
/** Body text that differs from page to page (not only in its numbers). */
const body = (n: number) => [`The ${WORDS[n]} paragraph begins`, `and the ${WORDS[n]} text ends`];

const kept = (pages: readonly Page[]) => removeRunningLines(pages).map((p) => p.map((l) => l.text));

describe('runningLineKey', () => {
  it('ignores numbers, case, spacing and word order', () => {
    expect(runningLineKey('2/5   13-29718')).toBe(runningLineKey('13-29718 3/5'));
    expect(runningLineKey('A/CONF.229/2017/8  Page 2')).toBe(
      runningLineKey('page 3 A/CONF.229/2017/8'),
    );
    expect(runningLineKey('Annex I')).not.toBe(runningLineKey('Annex II'));
  });
});

describe('isPageNumberLine', () => {
  it.each([
    '2',
    '- 2 -',
    '– 12 –',
    '2/5',
    '2 / 5',
    'Page 3',
    'Page 3 of 10',
    'Página 2 de 7',
    'Страница 4',
    'стр. 4',
    'iv',
    '- ii -',
    '第2页',
    '第 3 页 共 9 页',
    'الصفحة ٣',
    '٣',
  ])('%s is a page number', (text) => expect(isPageNumberLine(text)).toBe(true));
  it.each([
    '1. The States parties',
    '2005',
    'II',
    'civil',
    'Page two',
    '(a)',
    '12345',
    'I',
    'page',
    '1.',
  ])('%s is not', (text) => expect(isPageNumberLine(text)).toBe(false));
});

describe('isFurnitureLine', () => {
  it.each([
    '13-29718 (E)',
    '13-29718 (E)    150413    160413',
    '*1329718*',
    'GE.13-12345 (F)',
    'GE.13-12345',
    '2/5 13-29718',
    '13-29718 3/5',
    'Please recycle',
    '13-29718 (E) 150413 Please recycle',
    '25-05123 )A( 140425',
  ])('%s is page furniture', (text) => expect(isFurnitureLine(text)).toBe(true));

  it.each([
    '2005 2010',
    '142 States',
    'Distr.: General',
    '14 April 2025',
    'NPT/CONF.2015/PC.II/WP.13',
  ])('%s is not, on the first page', (text) => expect(isFurnitureLine(text)).toBe(false));

  it('counts a bare document symbol only after the first page', () => {
    expect(isFurnitureLine('NPT/CONF.2015/PC.II/WP.13', true)).toBe(true);
    expect(isFurnitureLine('A/RES/55/100 2/3', true)).toBe(true);
    expect(isFurnitureLine('NPT/CONF.2015/PC.II/WP.13 is the symbol', true)).toBe(false);
  });
});

describe('findRunningLines', () => {
  it('removes a UN document’s headers, footers and first-page furniture, and nothing else', () => {
    const pages = [
      page(
        [],
        ['NPT/CONF.2015/PC.II/WP.13', 'Distr.: General', '1. The States parties recall'],
        ['13-29718 (E)    150413', '*1329718*'],
      ),
      page(
        ['NPT/CONF.2015/PC.II/WP.13'],
        ['the Treaty.', '2. They also note'],
        ['2/3    13-29718'],
      ),
      page(['NPT/CONF.2015/PC.II/WP.13'], ['that the Agency', '3. Finally'], ['13-29718    3/3']),
    ];
    expect(kept(pages)).toEqual([
      ['NPT/CONF.2015/PC.II/WP.13', 'Distr.: General', '1. The States parties recall'],
      ['the Treaty.', '2. They also note'],
      ['that the Agency', '3. Finally'],
    ]);
  });

  it('removes a repeated header that is not furniture, at the same height on each page', () => {
    const pages = [1, 2, 3, 4].map((n) =>
      page(['Report of the Preparatory Committee'], body(n), [`- ${n} -`]),
    );
    expect(kept(pages)).toEqual([1, 2, 3, 4].map(body));
  });

  it('keeps a line with the header’s text that sits elsewhere on the page', () => {
    const pages = [1, 2, 3].map((n) => page(['Working paper'], ['Working paper', ...body(n)], []));
    // Once per page: the header at y=30 goes, the body line of the same text at y=90 stays.
    expect(kept(pages)).toEqual([1, 2, 3].map((n) => ['Working paper', ...body(n)]));
  });

  it('keeps body text that starts several pages, since nothing sets it apart from the body', () => {
    // A repetitive document: each page starts with the same sentence, one line step above the next.
    const pages = [1, 2, 3, 4].map((n) => page([], ['into force without delay.', ...body(n)], []));
    expect(findRunningLines(pages).flat().some(Boolean)).toBe(false);
  });

  it('keeps body lines that differ only in a number that does not count the pages', () => {
    const pages = [3, 9, 4].map((n) => page([], [`Table ${n}`, ...body(n)], []));
    expect(findRunningLines(pages).flat().some(Boolean)).toBe(false);
  });

  it('does not remove lines repeated on too few pages', () => {
    const pages = [0, 1, 2, 3, 4, 5].map((n) =>
      page(n === 2 ? ['Chapter heading'] : [], body(n), []),
    );
    expect(findRunningLines(pages).flat().some(Boolean)).toBe(false);
  });

  it('works without positions (lines only), by repetition and shape', () => {
    const pages: Page[] = [1, 2, 3].map((n) => ({
      lines: [{ text: 'Running head' }, ...body(n).map((text) => ({ text })), { text: `${n}` }],
    }));
    expect(kept(pages)).toEqual([1, 2, 3].map(body));
  });

  it('stops at the first body line from each edge', () => {
    const pages = [1, 2].map((n) => page([], [body(n)[0]!, '12', body(n)[1]!], [`${n}`]));
    // "12" is inside the page, not at its edge: kept.
    expect(kept(pages)).toEqual([1, 2].map((n) => [body(n)[0], '12', body(n)[1]]));
  });
});

/** Body text that is never a page number, job number or symbol: at least two words of letters. */
const bodyLine = fc
  .array(fc.stringMatching(/^[a-zà-öа-я]{2,9}$/u), { minLength: 2, maxLength: 8 })
  .map((words) => words.join(' '));

const headerText = fc.constantFrom(
  'NPT/CONF.2015/PC.II/WP.13',
  'A/79/123',
  'Report of the Secretary-General',
  'CD/2234',
  'United Nations',
);

const footerStyle = fc.constantFrom(
  (n: number, total: number) => [`${n}/${total}`],
  (n: number) => [`- ${n} -`],
  (n: number) => [`${n}`],
  (n: number, total: number) => [`13-29718 (E)`, `${n}/${total}`],
  (n: number, total: number) => [
    n % 2 === 0 ? `${n}/${total}   13-29718` : `13-29718   ${n}/${total}`,
  ],
  (n: number) => [`GE.13-12345`, `Page ${n}`],
);

describe('findRunningLines (properties)', () => {
  it('on a generated document with a header and footer on every page, removes all of them and keeps every body line', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 12 }),
        headerText,
        footerStyle,
        fc.array(fc.uniqueArray(bodyLine, { minLength: 1, maxLength: 12 }), {
          minLength: 12,
          maxLength: 12,
        }),
        fc.boolean(),
        (count, header, footer, bodies, withPositions) => {
          // Body lines unique across the document, so none of them repeats like a header.
          const seen = new Set<string>();
          const body = bodies
            .slice(0, count)
            .map((lines, p) => [
              `page ${'abcdefghijkl'[p]} begins`,
              ...lines.filter((l) => !seen.has(l) && seen.add(l)),
            ]);
          const pages = body.map((lines, p) => {
            const built = page([header], lines, footer(p + 1, count));
            return withPositions ? built : { lines: built.lines.map((l) => ({ text: l.text })) };
          });
          expect(kept(pages)).toEqual(body);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('on a document with no running lines, removes nothing', () => {
    fc.assert(
      fc.property(
        fc.array(fc.uniqueArray(bodyLine, { minLength: 1, maxLength: 10 }), {
          minLength: 1,
          maxLength: 8,
        }),
        (bodies) => {
          const seen = new Set<string>();
          const pages = bodies.map((lines) =>
            page(
              [],
              lines.filter((l) => !seen.has(l) && seen.add(l)),
              [],
            ),
          );
          expect(findRunningLines(pages).flat().some(Boolean)).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('only ever removes lines at the edges of a page', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(fc.oneof(bodyLine, headerText, fc.constantFrom('2', '3/4', '13-29718 (E)')), {
            maxLength: 14,
          }),
          {
            minLength: 1,
            maxLength: 6,
          },
        ),
        (texts) => {
          const pages = texts.map((lines) => ({ lines: lines.map((text) => ({ text })) }));
          findRunningLines(pages).forEach((flags, p) => {
            const n = flags.length;
            flags.forEach((removed, i) => {
              if (!removed) return;
              // Everything between this line and its edge was removed too.
              const fromTop = flags.slice(0, i).every(Boolean);
              const fromBottom = flags.slice(i + 1).every(Boolean);
              expect(fromTop || fromBottom, `page ${p}, line ${i} of ${n}`).toBe(true);
            });
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
