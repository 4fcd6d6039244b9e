import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { conceptSchema, type Concept, type TermMatch } from '../../domain/glossary.js';
import { LANGUAGES, type Lang } from '../../domain/language-codes.js';
import { foldText, foldWithOffsets } from './term-fold.js';
import { buildTermMatcher } from './term-matcher.js';
import { isCapitalsWord, termVariants } from './term-variants.js';

const RUNS = { numRuns: 300 };

const concept = (id: string, languages: Partial<Record<Lang, string[]>>): Concept =>
  conceptSchema.parse({
    id,
    domain: 'treaties',
    languages: Object.fromEntries(
      Object.entries(languages).map(([lang, terms]) => [
        lang,
        {
          terms: terms.map((text, i) => ({
            text,
            status: i === 0 ? 'preferred' : i === 1 ? 'admitted' : 'deprecated',
            ...(isCapitalsWord(text) ? { type: 'abbreviation' } : {}),
          })),
        },
      ]),
    ),
  });

const CONCEPTS: Concept[] = [
  concept('npt', {
    en: ['Treaty on the Non-Proliferation of Nuclear Weapons', 'NPT'],
    fr: ['Traité sur la non-prolifération des armes nucléaires', 'TNP'],
    ru: ['Договор о нераспространении ядерного оружия', 'ДНЯО'],
    ar: ['معاهدة عدم انتشار الأسلحة النووية'],
    zh: ['不扩散核武器条约'],
  }),
  concept('nuclear-weapon', {
    en: ['nuclear weapon'],
    fr: ['arme nucléaire'],
    es: ['arma nuclear'],
    ru: ['ядерное оружие'],
    ar: ['سلاح نووي'],
    zh: ['核武器'],
  }),
  concept('nwfz', {
    en: ['nuclear-weapon-free zone', 'NWFZ'],
    es: ['zona libre de armas nucleares'],
    ru: ['зона, свободная от ядерного оружия'],
    zh: ['无核武器区'],
  }),
  concept('ap', { en: ['Additional Protocol', 'AP'], ru: ['дополнительный протокол'] }),
  concept('iaea', { en: ['IAEA'], fr: ['AIEA'], zh: ['国际原子能机构'] }),
  concept('plenary', { ru: ['пленарное заседание'], ar: ['الجلسة العامة'], en: ['plenary'] }),
  concept('weapon', { en: ['weapon'], ru: ['оружие'], fr: ['arme'] }),
];

const matcher = buildTermMatcher(CONCEPTS);

interface RefEntry {
  readonly folded: string;
  readonly conceptId: string;
  readonly lang: Lang;
  readonly term: string;
  readonly priority: number;
  readonly capitals: boolean;
  readonly foreign: boolean;
}

const REF_ENTRIES: RefEntry[] = CONCEPTS.flatMap((c, ci) =>
  LANGUAGES.flatMap((lang) =>
    (c.languages[lang]?.terms ?? []).flatMap((t, ti) =>
      termVariants(t.text, lang, { type: t.type }).map((v, vi) => ({
        folded: foldText(v),
        conceptId: c.id,
        lang,
        term: t.text,
        priority: (vi === 0 ? 0 : 4) + ti + ci / 100,
        capitals: isCapitalsWord(t.text),
        foreign: isCapitalsWord(t.text) && /^[A-Z]+$/.test(t.text),
      })),
    ),
  ),
);

const WORDISH = /[\p{L}\p{N}\p{M}]/u;
const HAN = /\p{Script=Han}/u;
const INVISIBLE = /[\u00AD\u200B-\u200F\u2060\uFEFF]/u;
const ATTACHED = /[\p{M}\u0640]/u;

function alphabetic(ch: string | undefined): boolean {
  return ch !== undefined && WORDISH.test(ch) && !HAN.test(ch);
}

/** The character before `index`, invisible characters looked through (whole code points). */
function charBefore(text: string, index: number): string | undefined {
  const chars = [...text.slice(0, index)].filter((c) => !INVISIBLE.test(c));
  return chars.at(-1);
}

function charAfter(text: string, index: number): string | undefined {
  return [...text.slice(index)].find((c) => !INVISIBLE.test(c));
}

/** A slow, obviously correct matcher: every variant at every position, then leftmost-longest. */
function reference(text: string, lang: Lang | undefined): [number, number, string, Lang][] {
  const { text: folded, offsets } = foldWithOffsets(text);
  const candidates: { start: number; end: number; e: RefEntry; p: number }[] = [];
  for (const e of REF_ENTRIES) {
    const own = lang === undefined || e.lang === lang;
    if (!own && !e.foreign) continue;
    for (let at = folded.indexOf(e.folded); at >= 0; at = folded.indexOf(e.folded, at + 1)) {
      const start = offsets[at]!;
      let end = offsets[at + e.folded.length - 1]! + 1;
      while (end < text.length && ATTACHED.test(text[end]!)) end++;
      const first = e.folded[0]!;
      const last = e.folded.at(-1)!;
      if (alphabetic(first) && alphabetic(charBefore(text, start))) {
        const before = [...text.slice(0, start)].filter(
          (c) => !INVISIBLE.test(c) && !ATTACHED.test(c),
        );
        // The word before: its trailing alphabetic letters (Han ends a word, as a space does).
        const trailing = before.reverse();
        const end = trailing.findIndex((c) => !alphabetic(c));
        const word = (end < 0 ? trailing : trailing.slice(0, end)).reverse().join('');
        const proclitic = e.lang === 'ar' && /^(و|ف)?(ب|ل|ك)?$/.test(foldText(word)) && word !== '';
        const twoConjunctions = /^(و|ف)(و|ف)$/.test(word);
        if (!proclitic || twoConjunctions) continue;
      }
      if (alphabetic(last) && alphabetic(charAfter(text, end))) continue;
      if (e.capitals) {
        const slice = text.slice(start, end).replace(/[\p{M}\u0640]+$/u, '');
        const core =
          e.folded.endsWith('s') && !foldText(e.term).endsWith('s') ? slice.slice(0, -1) : slice;
        if (/\p{Ll}/u.test(core)) continue;
      }
      candidates.push({ start, end, e, p: e.priority + (own ? 0 : 100) });
    }
  }
  candidates.sort((a, b) => a.start - b.start || b.end - a.end || a.p - b.p);
  const out: [number, number, string, Lang][] = [];
  let lastEnd = -1;
  for (const c of candidates) {
    if (c.start < lastEnd) continue;
    out.push([c.start, c.end, c.e.conceptId, c.e.lang]);
    lastEnd = c.end;
  }
  return out;
}

/** Pieces of terms and of their forms, per language. */
function termPieces(lang: Lang | undefined): string[] {
  const entries = REF_ENTRIES.filter((e) => lang === undefined || e.lang === lang);
  return [
    ...new Set(entries.flatMap((e) => [e.term, ...e.term.split(/(?<=[ -])/)])),
    ...(lang === 'ru' ? termVariants('пленарное заседание', 'ru').slice(0, 6) : []),
    ...(lang === 'ru' ? termVariants('зона, свободная от ядерного оружия', 'ru').slice(0, 4) : []),
    ...(lang === 'ar' ? termVariants('الجلسة العامة', 'ar').slice(0, 6) : []),
  ];
}

/** The characters and pieces that make matching hard. */
const TRICKY = [
  'nuclear',
  'weapons',
  'Nuclear Weapons',
  'ap',
  'Ap',
  'APs',
  'NPT',
  'NWFZs',
  'IAEA’s',
  'l’',
  "d'",
  'و',
  'ل',
  'لل',
  'ب',
  'ـ',
  '\u064E',
  '\u0301',
  '\u00AD',
  '\u200B',
  '-',
  '—',
  '\u00A0',
  ', ',
  '. ',
  '(',
  ')',
  '《',
  '》',
  'Ｎ',
  'ＰＴ',
  'ﬁ',
  '𠀀',
  '😀',
  'x',
  '7',
  'й',
  'ё',
];

const langArb = fc.option(fc.constantFrom(...LANGUAGES), { nil: undefined });
const caseArb = langArb.chain((lang) =>
  fc
    .array(
      fc.oneof(
        { weight: 5, arbitrary: fc.constantFrom(...termPieces(lang)) },
        { weight: 3, arbitrary: fc.constantFrom(...TRICKY) },
        { weight: 3, arbitrary: fc.constantFrom(' ', ' ', '  ', '\n') },
        { weight: 1, arbitrary: fc.string({ maxLength: 3 }) },
      ),
      { maxLength: 24 },
    )
    .map((pieces) => [pieces.join(''), lang] as const),
);

function find(text: string, lang: Lang | undefined): TermMatch[] {
  return matcher.find(text, lang ? { lang } : {});
}

describe('buildTermMatcher (properties)', () => {
  it('reports slices that fold to a form of the term reported', () => {
    fc.assert(
      fc.property(caseArb, ([text, lang]) => {
        for (const m of find(text, lang)) {
          const forms = termVariants(m.term, m.lang).map(foldText);
          expect(forms).toContain(foldText(text.slice(m.start, m.end)));
        }
      }),
      RUNS,
    );
  });

  it('reports sorted matches that never overlap', () => {
    fc.assert(
      fc.property(caseArb, ([text, lang]) => {
        const matches = find(text, lang);
        for (const [i, m] of matches.entries()) {
          expect(m.start).toBeLessThan(m.end);
          expect(m.end).toBeLessThanOrEqual(text.length);
          if (i > 0) expect(matches[i - 1]!.end).toBeLessThanOrEqual(m.start);
        }
      }),
      RUNS,
    );
  });

  it('always finds a term set apart by punctuation in any text', () => {
    const terms = CONCEPTS.flatMap((c) =>
      LANGUAGES.flatMap((lang) =>
        (c.languages[lang]?.terms ?? []).map((t) => ({ id: c.id, lang, text: t.text })),
      ),
    );
    fc.assert(
      fc.property(
        fc.string({ maxLength: 20 }),
        fc.constantFrom(...terms),
        fc.string({ maxLength: 20 }),
        fc.constantFrom('; ', ' ; ', ';\u00A0', '\n;\n'),
        (left, term, right, sep) => {
          const text = `${left}${sep}${term.text}${sep}${right}`;
          const start = left.length + sep.length;
          const matches = matcher.find(text, { lang: term.lang });
          expect(matches).toContainEqual(
            expect.objectContaining({ start, end: start + term.text.length, conceptId: term.id }),
          );
        },
      ),
      RUNS,
    );
  });

  it('is tested on texts that contain terms', () => {
    const samples = fc.sample(caseArb, { numRuns: 500, seed: 1 });
    const withMatches = samples.filter(([text, lang]) => reference(text, lang).length > 0);
    expect(withMatches.length).toBeGreaterThan(150);
  });

  it('agrees with a slow reference implementation', () => {
    fc.assert(
      fc.property(caseArb, ([text, lang]) => {
        const fast = find(text, lang).map((m) => [m.start, m.end, m.conceptId, m.lang]);
        expect(fast).toEqual(reference(text, lang));
      }),
      { numRuns: 1000 },
    );
  });
});
