/**
 * @module The written forms a glossary term takes in running text: Russian case and number,
 * French, Spanish and English plurals, Arabic article, proclitic لل, number suffixes. Generated
 * once when the matcher is built, so that matching stays a plain multi-pattern search.
 *
 * Generating more forms than the language has is harmless — a form nobody writes never matches —
 * so where a rule is uncertain (stress, animacy, a fleeting vowel, the gender of a noun in -ь)
 * every candidate is generated. What must not happen is a form that is another word; the rules
 * below change only the endings of the words that agree with the head of the term, never its
 * complements ("Договор о нераспространении ядерного оружия": only "Договор" declines).
 *
 * What stays with the matcher: Arabic proclitics (و ف ب ل ك) before the first word are accepted
 * at match time, not generated; French elision needs nothing (the apostrophe is a boundary).
 */
import type { PartOfSpeech, TermType } from '../../domain/glossary.js';
import type { Lang } from '../../domain/language-codes.js';

export interface VariantOptions {
  readonly type?: TermType;
  readonly partOfSpeech?: PartOfSpeech;
  /** At most this many forms (the term itself included); default 160. */
  readonly max?: number;
}

/** Brackets and quotes around a term (《…》, «…», "…") are not part of it. */
const OUTER_PUNCTUATION = /^[\s《〈「『“”"«»‘’'(（[]+|[\s《》〈〉「」『』“”"«»‘’')）\]]+$/gu;

/** The term as it is searched for: the brackets and quotes around it removed. */
export function termCore(text: string): string {
  const core = text.replace(OUTER_PUNCTUATION, '');
  return core === '' ? text.trim() : core;
}

/**
 * A word is an abbreviation when its letters are capitals (a plural -s allowed: "CBMs"), two at
 * least: "NPT", "МАГАТЭ", "UNSCR", "II".
 */
export function isCapitalsWord(word: string): boolean {
  const letters = [...word].filter((c) => /\p{L}/u.test(c));
  if (letters.length < 2) return false;
  const body = letters.at(-1) === 's' ? letters.slice(0, -1) : letters;
  return body.length >= 2 && body.every((c) => /\p{Lu}/u.test(c));
}

/** The term and its other written forms, the term first, without duplicates. */
export function termVariants(text: string, lang: Lang, options: VariantOptions = {}): string[] {
  const base = termCore(text).replace(/\s+/gu, ' ');
  const max = options.max ?? 160;
  const pos = options.partOfSpeech ?? 'noun';
  const abbreviation =
    options.type === 'abbreviation' ||
    options.type === 'acronym' ||
    (!base.includes(' ') && isCapitalsWord(base));
  let forms: string[];
  if (abbreviation) forms = lang === 'en' ? abbreviationPlural(base) : [];
  else if (pos === 'verb' || pos === 'adverb' || pos === 'other') forms = [];
  else {
    switch (lang) {
      case 'ru':
        forms = russianForms(base);
        break;
      case 'fr':
        forms = romancePlurals(base, FRENCH_STOPS, FRENCH_INVARIABLE, frenchPlural);
        break;
      case 'es':
        forms = romancePlurals(base, SPANISH_STOPS, SPANISH_INVARIABLE, spanishPlural);
        break;
      case 'en':
        forms = englishForms(base);
        break;
      case 'ar':
        forms = arabicForms(base);
        break;
      case 'zh':
        forms = [];
        break;
    }
  }
  const seen = new Set<string>([base]);
  const out = [base];
  for (const f of forms) {
    if (out.length >= max) break;
    if (!seen.has(f)) {
      seen.add(f);
      out.push(f);
    }
  }
  return out;
}

// ─── shared helpers ────────────────────────────────────────────────────────────────────────────

/** Each element of `lists` chosen once, in order; at most `cap` combinations. */
function product(lists: readonly (readonly string[])[], cap = 64): string[][] {
  let acc: string[][] = [[]];
  for (const list of lists) {
    const next: string[][] = [];
    for (const prefix of acc) {
      for (const item of list) {
        if (next.length >= cap) break;
        next.push([...prefix, item]);
      }
    }
    acc = next;
  }
  return acc;
}

/** `form` written with the capitalisation of `model` (first letter, or all capitals). */
function withCaseOf(model: string, form: string): string {
  if (model.length > 1 && model === model.toUpperCase() && model !== model.toLowerCase()) {
    return form.toUpperCase();
  }
  const first = model[0] ?? '';
  if (first !== first.toLowerCase()) return (form[0] ?? '').toUpperCase() + form.slice(1);
  return form;
}

// ─── English ───────────────────────────────────────────────────────────────────────────────────

const ENGLISH_PREPOSITIONS = new Set([
  'of',
  'on',
  'for',
  'in',
  'to',
  'with',
  'against',
  'by',
  'from',
  'at',
  'under',
  'between',
  'without',
  'within',
  'among',
  'into',
  'over',
  'towards',
]);

function englishPlural(word: string): string | null {
  const lower = word.toLowerCase();
  if (!/\p{L}$/u.test(lower)) return null;
  if (/[^aeiou]y$/.test(lower)) return word.slice(0, -1) + 'ies';
  if (/(ss|x|z|ch|sh)$/.test(lower)) return word + 'es';
  if (/s$/.test(lower)) return null; // already plural ("safeguards", "assurances")
  return word + 's';
}

/** The head noun (last word before the first preposition, else the last word) in the plural. */
function englishForms(term: string): string[] {
  const words = term.split(' ');
  let head = words.length - 1;
  for (let i = 1; i < words.length; i++) {
    if (ENGLISH_PREPOSITIONS.has(words[i]!.toLowerCase())) {
      head = i - 1;
      break;
    }
  }
  const forms: string[] = [];
  const plural = englishPlural(words[head]!);
  if (plural) forms.push([...words.slice(0, head), plural, ...words.slice(head + 1)].join(' '));
  // "non-proliferation" is also written "nonproliferation".
  for (const f of [term, ...forms]) {
    if (/\bnon-/i.test(f)) forms.push(f.replace(/\b(non)-/gi, '$1'));
  }
  return forms;
}

function abbreviationPlural(term: string): string[] {
  return /\p{Lu}$/u.test(term) && !term.includes(' ') ? [term + 's'] : [];
}

// ─── French and Spanish ────────────────────────────────────────────────────────────────────────

const FRENCH_STOPS = new Set([
  'de',
  'du',
  'des',
  'à',
  'au',
  'aux',
  'en',
  'sur',
  'pour',
  'par',
  'contre',
  'entre',
  'dans',
  'avec',
  'sans',
  'sous',
  'vers',
  'chez',
  'le',
  'la',
  'les',
]);
const FRENCH_INVARIABLE = new Set(['non', 'et', 'ou', 'ni', 'plus', 'très', 'moins', 'bien']);
const SPANISH_STOPS = new Set([
  'de',
  'del',
  'a',
  'al',
  'en',
  'para',
  'por',
  'sobre',
  'contra',
  'entre',
  'con',
  'sin',
  'bajo',
  'desde',
  'hacia',
  'hasta',
  'el',
  'la',
  'los',
  'las',
]);
const SPANISH_INVARIABLE = new Set(['no', 'y', 'e', 'o', 'u', 'ni', 'ser', 'más', 'muy']);

function frenchPlural(word: string): string[] {
  const lower = word.toLowerCase();
  if (/[sxz]$/.test(lower)) return [word];
  if (/al$/.test(lower)) return [word.slice(0, -2) + 'aux', word + 's'];
  if (/ail$/.test(lower)) return [word + 's', word.slice(0, -3) + 'aux'];
  if (/(eau|au|eu)$/.test(lower)) return [word + 'x', word + 's'];
  return [word + 's'];
}

function spanishPlural(word: string): string[] {
  const lower = word.toLowerCase();
  if (/[sx]$/.test(lower)) return [word, word + 'es'];
  if (/z$/.test(lower)) return [word.slice(0, -1) + 'ces'];
  if (/[íú]$/.test(lower)) return [word + 'es', word + 's'];
  if (/[aeoáéó]$/.test(lower)) return [word + 's'];
  if (/ión$/.test(lower)) return [word.slice(0, -3) + 'iones'];
  return [word + 'es'];
}

/**
 * The words before the first preposition or article (the noun and the adjectives that agree with
 * it: "zone exempte", "État doté", "zona libre") in the plural; the rest unchanged.
 */
function romancePlurals(
  term: string,
  stops: ReadonlySet<string>,
  invariable: ReadonlySet<string>,
  plural: (word: string) => string[],
): string[] {
  const words = term.split(' ');
  const choices: string[][] = [];
  let stopped = false;
  for (const [i, word] of words.entries()) {
    const lower = word.toLowerCase();
    if (i > 0 && (stops.has(lower) || /^(d|l|qu)['’]/.test(lower))) stopped = true;
    if (
      stopped ||
      invariable.has(lower) ||
      isCapitalsWord(word) ||
      !/\p{L}$/u.test(word) ||
      /^\d/.test(word)
    ) {
      choices.push([word]);
    } else {
      choices.push(plural(word));
    }
  }
  return product(choices, 8).map((ws) => ws.join(' '));
}

// ─── Russian ───────────────────────────────────────────────────────────────────────────────────
//
// Twelve slots: nominative, genitive, dative, accusative, instrumental, prepositional, singular
// then plural. An animate accusative is the genitive, so the accusative slots give only the
// inanimate form (the genitive slot has the other). Alternatives are separated by "|".

const SLOTS = 12;
const PLURAL_SLOTS = [6, 7, 8, 9, 10, 11];
const ALL_SLOTS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];

type Gender = 'm' | 'f' | 'n' | 'pl';

/** Endings by slot; `stem + ending` for each alternative. */
type Paradigm = readonly string[];

const ADJ: Record<'hard' | 'velar' | 'sibilant' | 'soft', Record<Gender, Paradigm>> = {
  hard: {
    m: ['ый|ой', 'ого', 'ому', 'ый|ой', 'ым', 'ом'],
    f: ['ая', 'ой', 'ой', 'ую', 'ой|ою', 'ой'],
    n: ['ое', 'ого', 'ому', 'ое', 'ым', 'ом'],
    pl: ['ые', 'ых', 'ым', 'ые', 'ыми', 'ых'],
  },
  velar: {
    m: ['ий|ой', 'ого', 'ому', 'ий|ой', 'им', 'ом'],
    f: ['ая', 'ой', 'ой', 'ую', 'ой|ою', 'ой'],
    n: ['ое', 'ого', 'ому', 'ое', 'им', 'ом'],
    pl: ['ие', 'их', 'им', 'ие', 'ими', 'их'],
  },
  sibilant: {
    m: ['ий', 'его', 'ему', 'ий', 'им', 'ем'],
    f: ['ая', 'ей|ой', 'ей|ой', 'ую', 'ей|ею|ой', 'ей|ой'],
    n: ['ее', 'его', 'ему', 'ее', 'им', 'ем'],
    pl: ['ие', 'их', 'им', 'ие', 'ими', 'их'],
  },
  soft: {
    m: ['ий', 'его', 'ему', 'ий', 'им', 'ем'],
    f: ['яя', 'ей', 'ей', 'юю', 'ей|ею', 'ей'],
    n: ['ее', 'его', 'ему', 'ее', 'им', 'ем'],
    pl: ['ие', 'их', 'им', 'ие', 'ими', 'их'],
  },
};

const ADJ_ENDINGS: Readonly<Record<string, Gender>> = {
  ый: 'm',
  ий: 'm',
  ой: 'm',
  ая: 'f',
  яя: 'f',
  ое: 'n',
  ее: 'n',
  ые: 'pl',
  ие: 'pl',
};

interface AdjectiveInfo {
  readonly gender: Gender;
  readonly stem: string;
  readonly type: keyof typeof ADJ;
  readonly reflexive: boolean;
  /** The nominative ending as written (ый or ой: the stress decides, so it is kept). */
  readonly ending: string;
}

/** A nominative adjective or participle ("ядерный", "всеобъемлющие", "расщепляющийся"). */
function adjectiveInfo(word: string): AdjectiveInfo | null {
  let w = word;
  let reflexive = false;
  if (w.endsWith('ся') && w.length > 5) {
    w = w.slice(0, -2);
    reflexive = true;
  }
  if (w.length < 4) return null;
  const ending = w.slice(-2);
  const gender = ADJ_ENDINGS[ending];
  if (gender === undefined) return null;
  const stem = w.slice(0, -2);
  const last = stem.at(-1) ?? '';
  if (!/[бвгджзклмнпрстфхцчшщ]/.test(last)) return null;
  let type: keyof typeof ADJ;
  if ('кгх'.includes(last)) type = 'velar';
  else if ('жшщч'.includes(last)) type = ending === 'ой' || ending === 'ое' ? 'velar' : 'sibilant';
  else if (ending === 'ий' || ending === 'яя' || ending === 'ее' || ending === 'ие') type = 'soft';
  else type = 'hard';
  return { gender, stem, type, reflexive, ending };
}

function adjectiveForms(info: AdjectiveInfo, gender: Gender, slot: number): string[] {
  const paradigm = ADJ[info.type][slot < 6 ? gender : 'pl'];
  const sameAsWritten = gender === info.gender && (slot === 0 || (slot === 3 && gender !== 'f'));
  const endings = sameAsWritten ? [info.ending] : paradigm[slot % 6]!.split('|');
  return endings.map((e) => info.stem + e + (info.reflexive ? 'ся' : ''));
}

/** The genders (or plural) a nominative noun with this ending can have. */
function nounGenders(word: string): Gender[] {
  if (/ость$|есть$/.test(word)) return ['f'];
  if (/ь$/.test(word)) return ['m', 'f'];
  if (/[ыи]$/.test(word)) return ['pl'];
  if (/[ая]$/.test(word)) return ['f', 'pl'];
  if (/[ое]$/.test(word)) return ['n'];
  if (/[бвгджзклмнпрстфхцчшщй]$/.test(word)) return ['m'];
  return [];
}

/** Inserts a fleeting о/е before the last consonant of a stem ending in two consonants. */
function fleeting(stem: string): string[] {
  if (!/[бвгджзклмнпрстфхцчшщ][бвгджзклмнпрстфхцчшщ]$/.test(stem)) return [];
  const head = stem.slice(0, -1);
  const last = stem.slice(-1);
  const vowel = /[жшщчй]$/.test(head) || last === 'ц' ? ['е'] : ['о', 'е'];
  return vowel.map((v) => head + v + last);
}

/** A noun's forms per slot, or null when the noun is not one we can decline. */
function nounParadigm(word: string, gender: Gender): string[][] | null {
  const slots = (stem: string, endings: Paradigm): string[][] =>
    endings.map((e) => e.split('|').map((x) => stem + x));
  const merge = (a: string[][], b: string[][]): string[][] =>
    a.map((list, i) => [...new Set([...list, ...b[i]!])]);
  if (gender === 'pl') {
    const plural = pluralParadigm(word);
    return plural ? [[], [], [], [], [], [], ...plural] : null;
  }
  return singularAndPlural(word, gender, slots, merge);
}

function pluralParadigm(word: string): string[][] | null {
  const slots = (stem: string, endings: Paradigm): string[][] =>
    endings.map((e) => e.split('|').map((x) => stem + x));
  {
    if (/ия$/.test(word)) {
      const s = word.slice(0, -2);
      return slots(s, ['ия', 'ий', 'иям', 'ия', 'иями', 'иях']);
    }
    if (/ии$/.test(word)) {
      const s = word.slice(0, -2);
      return slots(s, ['ии', 'ий', 'иям', 'ии', 'иями', 'иях']);
    }
    if (/[ыи]$/.test(word)) {
      const s = word.slice(0, -1);
      const e = word.slice(-1);
      const forms = slots(s, [e, 'ов|ев|ей|', 'ам|ям', e, 'ами|ями', 'ах|ях']);
      forms[1]!.push(...fleeting(s));
      return forms;
    }
    if (/[ая]$/.test(word)) {
      const s = word.slice(0, -1);
      const forms = slots(s, ['а', '|ей', 'ам', 'а', 'ами', 'ах']);
      forms[1]!.push(...fleeting(s));
      return forms;
    }
    return null;
  }
}

function singularAndPlural(
  word: string,
  gender: Gender,
  slots: (stem: string, endings: Paradigm) => string[][],
  merge: (a: string[][], b: string[][]) => string[][],
): string[][] | null {
  let sg: string[][];
  let pl: string[][];
  if (/ие$/.test(word)) {
    const s = word.slice(0, -2);
    sg = slots(s, ['ие', 'ия', 'ию', 'ие', 'ием', 'ии|ие']);
    pl = slots(s, ['ия', 'ий', 'иям', 'ия', 'иями', 'иях']);
  } else if (/ье$/.test(word)) {
    const s = word.slice(0, -2);
    sg = slots(s, ['ье', 'ья', 'ью', 'ье', 'ьем', 'ье|ьи']);
    pl = slots(s, ['ья', 'ий|ьев', 'ьям', 'ья', 'ьями', 'ьях']);
  } else if (/ия$/.test(word)) {
    const s = word.slice(0, -2);
    sg = slots(s, ['ия', 'ии', 'ии', 'ию', 'ией|иею', 'ии']);
    pl = slots(s, ['ии', 'ий', 'иям', 'ии', 'иями', 'иях']);
  } else if (/ий$/.test(word)) {
    const s = word.slice(0, -2);
    sg = slots(s, ['ий', 'ия', 'ию', 'ий', 'ием', 'ии']);
    pl = slots(s, ['ии', 'иев', 'иям', 'ии', 'иями', 'иях']);
  } else if (/[аеёиоуыэюя]й$/.test(word)) {
    const s = word.slice(0, -1);
    sg = slots(s, ['й', 'я', 'ю', 'й', 'ем', 'е']);
    pl = slots(s, ['и', 'ев', 'ям', 'и', 'ями', 'ях']);
  } else if (/[аеёиоуыэюя]я$/.test(word)) {
    const s = word.slice(0, -1);
    sg = slots(s, ['я', 'и', 'е', 'ю', 'ей|ею', 'е']);
    pl = slots(s, ['и', 'й', 'ям', 'и', 'ями', 'ях']);
  } else if (/я$/.test(word)) {
    const s = word.slice(0, -1);
    sg = slots(s, ['я', 'и', 'е', 'ю', 'ей|ею', 'е']);
    pl = slots(s, ['и', 'ь|ей', 'ям', 'и', 'ями', 'ях']);
  } else if (/а$/.test(word)) {
    const s = word.slice(0, -1);
    const last = s.at(-1) ?? '';
    const i = /[кгхжшщч]/.test(last) ? 'и' : 'ы';
    const ins = /[жшщчц]/.test(last) ? 'ой|ей|ою|ею' : 'ой|ою';
    sg = slots(s, ['а', i, 'е', 'у', ins, 'е']);
    pl = slots(s, [i, '', 'ам', i, 'ами', 'ах']);
    pl[1]!.push(...fleeting(s));
  } else if (/о$/.test(word)) {
    const s = word.slice(0, -1);
    sg = slots(s, ['о', 'а', 'у', 'о', 'ом', 'е']);
    pl = slots(s, ['а', '', 'ам', 'а', 'ами', 'ах']);
    pl[1]!.push(...fleeting(s));
  } else if (/е$/.test(word)) {
    const s = word.slice(0, -1);
    sg = slots(s, ['е', 'а|я', 'у|ю', 'е', 'ем', 'е']);
    pl = slots(s, ['а|я', '|ей', 'ам|ям', 'а|я', 'ами|ями', 'ах|ях']);
  } else if (/ь$/.test(word)) {
    const s = word.slice(0, -1);
    const masc = [
      ...slots(s, ['ь', 'я', 'ю', 'ь', 'ем', 'е']),
      ...slots(s, ['и', 'ей', 'ям', 'и', 'ями', 'ях']),
    ];
    const fem = [
      ...slots(s, ['ь', 'и', 'и', 'ь', 'ью', 'и']),
      ...slots(s, ['и', 'ей', 'ям|ам', 'и', 'ями|ами', 'ях|ах']),
    ];
    if (gender === 'm') return masc;
    if (gender === 'f') return fem;
    return merge(masc, fem);
  } else if (/[бвгджзклмнпрстфхцчшщ]$/.test(word)) {
    const last = word.slice(-1);
    const velar = 'кгх'.includes(last);
    const sibilant = 'жшщч'.includes(last);
    const ins = sibilant || last === 'ц' ? 'ом|ем' : 'ом';
    const nomPl = velar || sibilant ? 'и' : 'ы';
    const genPl = sibilant ? 'ей' : last === 'ц' ? 'ов|ев' : 'ов';
    sg = slots(word, ['', 'а', 'у', '', ins, 'е']);
    pl = slots(word, [nomPl, genPl, 'ам', nomPl, 'ами', 'ах']);
    // A fleeting vowel: "участок" → "участка", "конец" → "конца", "день" handled above.
    const m = /^(.*[бвгджзклмнпрстфхцчшщ])[оеё]([кцн])$/.exec(word);
    if (m) {
      const short = m[1]! + m[2]!;
      const s2 = slots(short, ['', 'а', 'у', '', ins, 'е']);
      const p2 = slots(short, [nomPl, genPl, 'ам', nomPl, 'ами', 'ах']);
      sg = merge(sg, [[], ...s2.slice(1)]);
      pl = merge(pl, p2);
    }
  } else {
    return null;
  }
  return [...sg, ...pl];
}

interface Inflecting {
  readonly index: number;
  readonly forms: (slot: number) => string[];
}

/**
 * The words of a Russian term that decline, and how: the adjectives before the head noun, the head,
 * a noun joined to it by a hyphen or dash ("государство-участник"), a participle after a comma
 * ("зона, свободная от…"), and a second group after "и" ("разоружение и нераспространение").
 */
function russianInflecting(
  words: readonly string[],
  seps: readonly string[],
): {
  inflecting: Inflecting[];
  plural: boolean;
} {
  const lower = words.map((w) => w.toLowerCase().replaceAll('ё', 'е'));
  const inflecting: Inflecting[] = [];
  let plural = false;

  const declinable = (i: number) =>
    i < words.length && /^\p{L}+$/u.test(words[i]!) && !isCapitalsWord(words[i]!);

  /** One group (adjectives, head noun) from `i`; returns the index after the head or -1. */
  const group = (start: number): number => {
    const adjectives: { index: number; info: AdjectiveInfo }[] = [];
    let i = start;
    for (; declinable(i); i++) {
      const info = adjectiveInfo(lower[i]!);
      if (!info) break;
      // An adjective agrees with what follows: another adjective (maybe after "и") or a noun.
      let j = i + 1;
      if (lower[j] === 'и' && j + 1 < words.length) j++;
      if (!declinable(j)) break;
      const next = adjectiveInfo(lower[j]!);
      const agrees = next?.gender === info.gender || nounGenders(lower[j]!).includes(info.gender);
      if (!agrees) break;
      adjectives.push({ index: i, info });
      if (j === i + 2) i++; // skip "и"
    }
    if (!declinable(i)) return -1;
    const head = lower[i]!;
    // Oblique forms are never the head of a nominative term ("двойного назначения").
    if (/(ого|его|ому|ему|ых|их|ым|им)$/.test(head) && adjectives.length === 0) return -1;
    const adjGender = adjectives.at(-1)?.info.gender;
    const genders = nounGenders(head);
    let headForms: string[][] | null;
    let headGender: Gender;
    if (adjGender !== undefined) {
      headGender = adjGender;
      headForms = nounParadigm(head, adjGender);
    } else if (genders.length === 0) {
      return -1; // a head we cannot decline (a loanword): leave the group alone
    } else if (genders.includes('m') && genders.includes('f')) {
      headGender = 'm'; // a noun in -ь: both declensions
      headForms = mergeParadigms(nounParadigm(head, 'm'), nounParadigm(head, 'f'));
    } else {
      headGender = genders[0]!;
      headForms = nounParadigm(head, headGender);
    }
    if (!headForms) return -1;
    const forms = headForms;
    if (headGender === 'pl') plural = true;
    for (const { index, info } of adjectives) {
      const g: Gender = headGender === 'pl' ? 'pl' : info.gender;
      inflecting.push({ index, forms: (slot) => adjectiveForms(info, g, slot) });
    }
    inflecting.push({ index: i, forms: (slot) => forms[slot] ?? [] });
    let next = i + 1;
    // A noun in apposition: "государство-участник", "государства — участники".
    if (next < words.length && /^[-‐‑–—]$/.test(seps[i]!.trim()) && declinable(next)) {
      const w = lower[next]!;
      if (!adjectiveInfo(w)) {
        const gs = nounGenders(w);
        const g = headGender === 'pl' ? 'pl' : gs[0];
        const p = g === undefined ? null : nounParadigm(w, g);
        if (p) {
          inflecting.push({ index: next, forms: (slot) => p[slot] ?? [] });
          next++;
        }
      }
    }
    // A participle after a comma: "зона, свободная от …", "государство, не обладающее …".
    if (next < words.length && seps[next - 1]!.includes(',')) {
      let j = next;
      if (lower[j] === 'не') j++;
      const info = declinable(j) ? adjectiveInfo(lower[j]!) : null;
      if (info && (info.gender === headGender || genders.includes(info.gender))) {
        const g = headGender;
        inflecting.push({ index: j, forms: (slot) => adjectiveForms(info, g, slot) });
        next = j + 1;
      }
    }
    return next;
  };

  const after = group(0);
  // A second group joined by "и": "разоружение и нераспространение".
  if (after > 0 && lower[after] === 'и' && !seps[after - 1]!.includes(',')) group(after + 1);
  return { inflecting, plural };
}

function mergeParadigms(a: string[][] | null, b: string[][] | null): string[][] | null {
  if (!a || !b) return a ?? b;
  return a.map((list, i) => [...new Set([...list, ...b[i]!])]);
}

/** Splits a term into words and the separators after each ("государство-участник", "зона, …"). */
function splitWords(term: string): { lead: string; words: string[]; seps: string[] } {
  const lead = /^[^\p{L}\p{N}]*/u.exec(term)?.[0] ?? '';
  const words: string[] = [];
  const seps: string[] = [];
  for (const m of term.slice(lead.length).matchAll(/([\p{L}\p{N}]+)([^\p{L}\p{N}]*)/gu)) {
    words.push(m[1]!);
    seps.push(m[2]!);
  }
  return { lead, words, seps };
}

function russianForms(term: string): string[] {
  const { lead, words, seps } = splitWords(term);
  if (words.length === 0) return [];
  const { inflecting, plural } = russianInflecting(words, seps);
  if (inflecting.length === 0) return [];
  const out: string[] = [];
  for (const slot of plural ? PLURAL_SLOTS : ALL_SLOTS) {
    if (slot >= SLOTS) break;
    const lists = words.map((w) => [w]);
    for (const { index, forms } of inflecting) {
      const f = forms(slot);
      if (f.length > 0) lists[index] = f.map((x) => withCaseOf(words[index]!, x));
    }
    for (const combo of product(lists, 12)) {
      out.push(lead + combo.map((w, i) => w + seps[i]!).join(''));
    }
  }
  return out;
}

// ─── Arabic ────────────────────────────────────────────────────────────────────────────────────

const ARABIC_MARKS = /[\u064B-\u065F\u0670\u0640]/g;
const ARABIC_PARTICLES = new Set([
  'من',
  'في',
  'على',
  'عن',
  'إلى',
  'الى',
  'مع',
  'بين',
  'دون',
  'ضد',
  'حتى',
  'منذ',
  'نحو',
  'لدى',
  'عبر',
]);
const GHAYR = 'غير';
/** Attached pronouns: his/its, her/its, their (m., dual, f.), your (pl.), our, my. */
const ARABIC_PRONOUNS = ['ه', 'ها', 'هم', 'هما', 'هن', 'كم', 'نا', 'ي'];

const hasArticle = (w: string) => w.startsWith('ال') && w.length > 3;

/** ل + الكلمة is written للكلمة (and ل + اللجنة is للجنة). */
function withLi(word: string): string {
  const rest = word.slice(2);
  return rest.startsWith('ل') ? 'ل' + rest : 'لل' + rest;
}

/**
 * Arabic: the definite and indefinite forms (الجلسة العامة / جلسة عامة; a construct's مشروع القرار),
 * a one-word term with an attached pronoun (قرارها), the head noun's sound
 * plural (ة → ات), the dual and the masculine sound plural of the noun with its adjectives
 * (ين / ان / ون, ة → تين / تان), and the first word with the proclitic ل fused into the article
 * (للجلسة). The other proclitics (و ف ب ل ك) are accepted by the matcher before any form.
 */
function arabicForms(term: string): string[] {
  const words = term.replace(ARABIC_MARKS, '').split(' ');
  // The run of words that agree in definiteness: up to a particle or a prepositional phrase.
  let run = 0;
  while (
    run < words.length &&
    !ARABIC_PARTICLES.has(words[run]!) &&
    !/^(لل|بال|كال)/.test(words[run]!) &&
    (run === 0 || !/^و?ال/.test(words[run]!) || hasArticle(words[0]!))
  ) {
    run++;
  }
  const definiteness: string[][] = [words];
  // Indefinite: every article removed (للأسلحة → لأسلحة).
  definiteness.push(
    words.map((w) =>
      hasArticle(w) ? w.slice(2) : w.startsWith('لل') && w.length > 3 ? 'ل' + w.slice(2) : w,
    ),
  );
  // Definite: the article on the first k words of the run (whichever k makes the phrase agree).
  for (let k = 1; k <= run; k++) {
    definiteness.push(
      words.map((w, i) =>
        i < k && w !== GHAYR && !hasArticle(w) && !/^\d/.test(w) ? 'ال' + w : w,
      ),
    );
  }
  // A construct (iḍāfa) takes the article on the words after the first (مشروع القرار).
  for (let k = 1; k < run; k++) {
    definiteness.push(
      words.map((w, i) =>
        i >= k && i < run && w !== GHAYR && !hasArticle(w) && !/^\d/.test(w) ? 'ال' + w : w,
      ),
    );
  }
  // A one-word term with an attached pronoun (قرارها "its resolution"; ة is written ت before it).
  if (words.length === 1 && !hasArticle(words[0]!)) {
    const stem = words[0]!.endsWith('ة') ? words[0]!.slice(0, -1) + 'ت' : words[0]!;
    for (const pronoun of ARABIC_PRONOUNS) definiteness.push([stem + pronoun]);
  }
  const numbered: string[][] = [];
  for (const ws of definiteness) {
    numbered.push(ws);
    const head = ws[0]!;
    if (head.endsWith('ة')) numbered.push([head.slice(0, -1) + 'ات', ...ws.slice(1)]);
    // The head and the adjectives that agree with it (nisba -ي/-ية, or -ة after a head in -ة).
    const agrees = (w: string, i: number) =>
      i === 0 ||
      (i < run && w !== GHAYR && (/ية?$/.test(w) || (head.endsWith('ة') && w.endsWith('ة'))));
    const agreeing = (suffixT: string, suffix: string) =>
      ws.map((w, i) => {
        if (!agrees(w, i)) return w;
        return w.endsWith('ة') ? w.slice(0, -1) + suffixT : w + suffix;
      });
    numbered.push(agreeing('تين', 'ين'), agreeing('تان', 'ان'));
    if (!head.endsWith('ة')) numbered.push(agreeing('ة', 'ون'));
  }
  const out: string[] = [];
  for (const ws of numbered) {
    out.push(ws.join(' '));
    if (hasArticle(ws[0]!)) out.push([withLi(ws[0]!), ...ws.slice(1)].join(' '));
  }
  return out;
}
