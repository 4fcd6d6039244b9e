import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineDirection, logicalToVisual, visualToLogical } from './pdf-bidi.js';

describe('logicalToVisual (UAX #9 on one line)', () => {
  it.each([
    ['1 - تؤكد الدول', 'rtl', 'لودلا دكؤت - 1'],
    ['(أ) أن يسلم', 'rtl', 'ملسي نأ )أ('],
    ['ديسمبر 2024، نافذة', 'rtl', 'ةذفان ،2024 ربمسيد'],
    ['الوثيقة NPT/CONF.2010/50 (Vol. I).', 'rtl', '.NPT/CONF.2010/50 (Vol. I) ةقيثولا'],
    ['25-05123 (A)', 'rtl', ')A( 25-05123'],
    ['The word كلمة here', 'ltr', 'The word ةملك here'],
    ['Plain English (with brackets).', 'ltr', 'Plain English (with brackets).'],
  ] as const)('%s', (logical, direction, visual) => {
    expect(logicalToVisual(logical, direction)).toBe(visual);
  });
});

describe('visualToLogical', () => {
  it.each([
    '1 - تؤكد الدول الأطراف المقدمة لورقة العمل هذه من جديد أن اتفاقات الضمانات الشاملة، مقترنة',
    'الأسلحة النووية (انظر الوثيقة NPT/CONF.2010/50 (Vol. I)).',
    'ديسمبر 2024، نافذة بالنسبة إلى 142 دولة، وتهيب بجميع الدول',
    'نيويورك، 28 نيسان/أبريل - 9 أيار/مايو 2025',
    'مما يمكّن الوكالة من تقديم ضمانات موثوقة',
    'جزءا لا يتجزأ من نظام عدم الانتشار.',
    '(ب) أن يشجع الوكالة على مواصلة مساعدة الدول، بناء على طلبها، في التفاوض على',
    'الفقرة 5 (ب) من القرار 55/100 بنسبة 15٪ و3.5 في المائة',
    '[2] مثال [انظر A/RES/55/100]',
    'شالوم עולם 2024',
  ])('gets back %s', (logical) => {
    const visual = logicalToVisual(logical, 'rtl');
    expect(visualToLogical(visual, 'rtl')).toEqual({ text: logical, direction: 'rtl' });
  });

  it('keeps a combining mark with its letter', () => {
    // Shaped right to left, a cluster keeps its base first: ن كّ م ي on the page.
    expect(visualToLogical('نكّمي', 'rtl').text).toBe('يمكّن');
  });

  it('leaves left-to-right lines of a left-to-right document alone', () => {
    const line = 'Distr.: General (a) 14 April 2025.';
    expect(visualToLogical(line, 'ltr')).toEqual({ text: line, direction: 'ltr' });
    expect(visualToLogical(line, 'rtl')).toEqual({ text: line, direction: 'ltr' });
  });

  it('reads a Latin footer laid out right to left in an Arabic document', () => {
    expect(visualToLogical('2/3 )A( 25-05123', 'rtl')).toEqual({
      text: '25-05123 (A) 2/3',
      direction: 'rtl',
    });
  });

  it('reads a line of numbers in the document’s direction', () => {
    expect(visualToLogical('- 4', 'rtl').text).toBe('4 -');
    expect(visualToLogical('- 4 -', 'ltr').text).toBe('- 4 -');
  });
});

describe('lineDirection', () => {
  it('follows most of the letters, and the document where there are none', () => {
    expect(lineDirection('وثيقة NPT', 'ltr')).toBe('rtl');
    expect(lineDirection('The word كلمة here', 'rtl')).toBe('ltr');
    expect(lineDirection('2/3', 'rtl')).toBe('rtl');
  });
});

const arabicWord = fc.constantFrom(
  'الدول',
  'الأطراف',
  'يمكّن',
  'لا',
  'البروتوكول',
  'الإضافي',
  'نيسان/أبريل',
  'الوكالة،',
  'ذلك؛',
  'عام',
);
const latinWord = fc.constantFrom(
  'NPT/CONF.2010/50',
  'Vol.',
  'I',
  'IAEA',
  'INFCIRC/540',
  'A/RES/55/100',
);
const number = fc.constantFrom('2024', '142', '31', '3.5', '15%', '1 -', '2024،');
const other = fc.oneof(latinWord, number);

/** Brackets around Arabic words, perhaps with a symbol or number at the end. */
const bracketed = fc
  .tuple(
    fc.constantFrom('(', '['),
    fc.array(arabicWord, { minLength: 1, maxLength: 3 }),
    fc.option(other),
  )
  .map(([open, words, last]) => {
    const inside = last === null ? words : [...words, last];
    return `${open}${inside.join(' ')}${open === '(' ? ')' : ']'}`;
  });

/**
 * A line of an Arabic UN document: Arabic words with symbols, numbers and up to two bracketed
 * groups among them, no two of those side by side. (`2024 NPT/…` and `NPT/… 2024` look the same
 * on a right-to-left page, so a line with both side by side cannot be read back for certain.)
 */
const arabicLine = fc
  .tuple(
    fc.array(fc.tuple(fc.array(arabicWord, { minLength: 1, maxLength: 3 }), fc.option(other)), {
      minLength: 1,
      maxLength: 4,
    }),
    fc.array(bracketed, { maxLength: 2 }),
    fc.constantFrom('', '.', ':', '؛'),
  )
  .map(([groups, brackets, end]) => {
    const parts = groups.map(([words, last]) =>
      (last === null ? words : [...words, last]).join(' '),
    );
    brackets.forEach((b, i) => parts.splice(Math.min(parts.length, 1 + 2 * i), 0, b));
    return `${parts.join(' ')}${end}`;
  });

/**
 * Anything goes: several symbols and numbers in a row, brackets inside brackets (up to four
 * bracket characters: the search tries the directions of at most five).
 */
const anyArabicLine = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: arabicWord },
      latinWord,
      number,
      bracketed,
      bracketed.map((b) => `(${b} ${'الدول'})`),
    ),
    { minLength: 1, maxLength: 8 },
  )
  .map((parts) => parts.join(' '))
  .filter((line) => [...line].filter((c) => '()[]'.includes(c)).length <= 4);

describe('visualToLogical (properties)', () => {
  it('finds a reading that lays out as the line on the page', () => {
    fc.assert(
      fc.property(fc.oneof(arabicLine, anyArabicLine), (logical) => {
        const visual = logicalToVisual(logical, 'rtl');
        const back = visualToLogical(visual, 'rtl');
        expect(logicalToVisual(back.text, back.direction)).toBe(visual);
      }),
      { numRuns: 400 },
    );
  });

  it('gets back the typed text of Arabic lines with numbers, symbols and brackets', () => {
    fc.assert(
      fc.property(arabicLine, (logical) => {
        expect(visualToLogical(logicalToVisual(logical, 'rtl'), 'rtl').text).toBe(logical);
      }),
      { numRuns: 400 },
    );
  });
});
