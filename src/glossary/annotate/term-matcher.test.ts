import { describe, expect, it } from 'vitest';
import { conceptSchema, type Concept, type ConceptInput } from '../../domain/glossary.js';
import type { Lang } from '../../domain/language-codes.js';
import { buildTermMatcher, matcherStats } from './term-matcher.js';

type Terms = Partial<Record<Lang, (string | [string, 'admitted' | 'deprecated', string?])[]>>;

function concept(id: string, terms: Terms): Concept {
  const languages: ConceptInput['languages'] = {};
  for (const [lang, list] of Object.entries(terms) as [Lang, Terms[Lang]][]) {
    languages[lang] = {
      terms: (list ?? []).map((t, i) =>
        typeof t === 'string'
          ? { text: t, status: i === 0 ? 'preferred' : 'admitted' }
          : { text: t[0], status: t[1], ...(t[2] ? { type: t[2] as 'abbreviation' } : {}) },
      ),
    };
  }
  return conceptSchema.parse({ id, domain: 'treaties', languages });
}

const CONCEPTS: Concept[] = [
  concept('npt', {
    en: ['Treaty on the Non-Proliferation of Nuclear Weapons', ['NPT', 'admitted', 'abbreviation']],
    fr: [
      'Traité sur la non-prolifération des armes nucléaires',
      ['TNP', 'admitted', 'abbreviation'],
    ],
    es: [
      'Tratado sobre la No Proliferación de las Armas Nucleares',
      ['TNP', 'admitted', 'abbreviation'],
    ],
    ru: ['Договор о нераспространении ядерного оружия', ['ДНЯО', 'admitted', 'abbreviation']],
    ar: ['معاهدة عدم انتشار الأسلحة النووية'],
    zh: ['不扩散核武器条约'],
  }),
  concept('nuclear-weapon', {
    en: ['nuclear weapon'],
    fr: ['arme nucléaire'],
    es: ['arma nuclear'],
    ru: ['ядерное оружие'],
    ar: ['سلاح نووي', 'أسلحة نووية'],
    zh: ['核武器'],
  }),
  concept('nwfz', {
    en: ['nuclear-weapon-free zone', ['NWFZ', 'admitted', 'abbreviation']],
    fr: ["zone exempte d'armes nucléaires"],
    es: ['zona libre de armas nucleares'],
    ru: ['зона, свободная от ядерного оружия'],
    zh: ['无核武器区'],
  }),
  concept('additional-protocol', {
    en: ['Additional Protocol', ['AP', 'admitted', 'abbreviation']],
    ru: ['дополнительный протокол'],
  }),
  concept('iaea', {
    en: ['International Atomic Energy Agency', ['IAEA', 'admitted', 'abbreviation']],
    fr: ["Agence internationale de l'énergie atomique", ['AIEA', 'admitted', 'abbreviation']],
    ru: ['Международное агентство по атомной энергии', ['МАГАТЭ', 'admitted', 'abbreviation']],
    zh: ['国际原子能机构'],
  }),
  concept('plenary-meeting', {
    en: ['plenary meeting'],
    ru: ['пленарное заседание'],
    ar: ['الجلسة العامة'],
  }),
  concept('nuclear-disarmament', { ru: ['ядерное разоружение'], en: ['nuclear disarmament'] }),
  concept('general-assembly', { ru: ['Генеральная Ассамблея'], en: ['General Assembly'] }),
  concept('safeguards', { en: ['safeguard'], es: ['salvaguardia'] }),
  concept('state-party', {
    ru: ['государство-участник'],
    en: ['State party', ['High Contracting Party', 'deprecated']],
  }),
  concept('nnws', { ru: ['государство, не обладающее ядерным оружием'] }),
  concept('facility', { en: ['facility'] }),
  concept('draft-resolution', { ar: ['مشروع قرار'] }),
  concept('resolution', { ar: ['قرار'] }),
];

const matcher = buildTermMatcher(CONCEPTS);

/** [slice, conceptId] of each match. */
function found(text: string, lang?: Lang, foreign = true): [string, string][] {
  return matcher
    .find(text, { ...(lang ? { lang } : {}), foreignAbbreviations: foreign })
    .map((m) => [text.slice(m.start, m.end), m.conceptId]);
}

describe('buildTermMatcher: six languages', () => {
  it('finds English terms with the longest match first', () => {
    expect(
      found(
        'Parties to the Treaty on the Non-Proliferation of Nuclear Weapons shall not transfer nuclear weapons.',
        'en',
      ),
    ).toEqual([
      ['Treaty on the Non-Proliferation of Nuclear Weapons', 'npt'],
      ['nuclear weapons', 'nuclear-weapon'],
    ]);
    expect(found('a nuclear-weapon-free zone, two nuclear-weapon-free zones', 'en')).toEqual([
      ['nuclear-weapon-free zone', 'nwfz'],
      ['nuclear-weapon-free zones', 'nwfz'],
    ]);
  });

  it('puts English head nouns in the plural, -y as -ies', () => {
    expect(found('safeguards and two facilities', 'en')).toEqual([
      ['safeguards', 'safeguards'],
      ['facilities', 'facility'],
    ]);
  });

  it('declines Russian terms: adjective and noun agree, complements stay', () => {
    const text =
      'На пленарном заседании Генеральной Ассамблеи участники Договора о нераспространении ' +
      'ядерного оружия призвали к ядерному разоружению; государства, не обладающие ядерным ' +
      'оружием, и государствам-участникам; в зонах, свободных от ядерного оружия.';
    expect(found(text, 'ru')).toEqual([
      ['пленарном заседании', 'plenary-meeting'],
      ['Генеральной Ассамблеи', 'general-assembly'],
      ['Договора о нераспространении ядерного оружия', 'npt'],
      ['ядерному разоружению', 'nuclear-disarmament'],
      ['государства, не обладающие ядерным оружием', 'nnws'],
      ['государствам-участникам', 'state-party'],
      ['зонах, свободных от ядерного оружия', 'nwfz'],
    ]);
  });

  it('declines Russian adjectives of every case and both numbers', () => {
    for (const form of [
      'пленарное заседание',
      'пленарного заседания',
      'пленарному заседанию',
      'пленарным заседанием',
      'пленарном заседании',
      'пленарные заседания',
      'пленарных заседаний',
      'пленарным заседаниям',
      'пленарными заседаниями',
      'пленарных заседаниях',
      'дополнительного протокола',
      'дополнительным протоколом',
      'дополнительных протоколов',
      'Международного агентства по атомной энергии',
      'Международному агентству по атомной энергии',
      'ядерного оружия',
      'ядерным оружием',
      'Генеральную Ассамблею',
      'Генеральной Ассамблеей',
      'Договором о нераспространении ядерного оружия',
      'государств-участников',
      'зону, свободную от ядерного оружия',
    ]) {
      expect(
        found(`… ${form} …`, 'ru').map(([s]) => s),
        form,
      ).toEqual([form]);
    }
  });

  it('does not decline the complement nor match other words of the same stem', () => {
    // The complement of the NPT's head does not decline: only "ядерное оружие" is found here.
    expect(found('Договор о нераспространении ядерных оружий', 'ru')).toEqual([
      ['ядерных оружий', 'nuclear-weapon'],
    ]);
    expect(found('пленарная сессия, заседатель, ядерщик', 'ru')).toEqual([]);
    expect(found('ядерное оружиеведение', 'ru')).toEqual([]);
  });

  it('matches French and Spanish plurals, elision and missing accents on capitals', () => {
    expect(
      found(
        "les zones exemptes d'armes nucléaires et l’Agence internationale de l’énergie atomique",
        'fr',
      ),
    ).toEqual([
      ["zones exemptes d'armes nucléaires", 'nwfz'],
      ['Agence internationale de l’énergie atomique', 'iaea'],
    ]);
    expect(found("LES ARMES NUCLEAIRES, d'armes nucleaires", 'fr')).toEqual([
      ['ARMES NUCLEAIRES', 'nuclear-weapon'],
      ['armes nucleaires', 'nuclear-weapon'],
    ]);
    expect(
      found('Zonas libres de armas nucleares; armas nucleares; las salvaguardias', 'es'),
    ).toEqual([
      ['Zonas libres de armas nucleares', 'nwfz'],
      ['armas nucleares', 'nuclear-weapon'],
      ['salvaguardias', 'safeguards'],
    ]);
  });

  it('matches Arabic with proclitics, the article and its absence, and letter variants', () => {
    expect(found('لمعاهدة عدم انتشار الأسلحة النووية', 'ar')).toEqual([
      ['معاهدة عدم انتشار الأسلحة النووية', 'npt'],
    ]);
    expect(found('والمعاهدة عدم انتشار الاسلحة النوويه', 'ar')).toEqual([
      ['المعاهدة عدم انتشار الاسلحة النوويه', 'npt'],
    ]);
    expect(found('في الجلسة العامة وفي جلسة عامة وللجلسة العامة', 'ar')).toEqual([
      ['الجلسة العامة', 'plenary-meeting'],
      ['جلسة عامة', 'plenary-meeting'],
      ['للجلسة العامة', 'plenary-meeting'],
    ]);
    expect(found('السلاح النووي والأسلحة النووية', 'ar')).toEqual([
      ['السلاح النووي', 'nuclear-weapon'],
      ['الأسلحة النووية', 'nuclear-weapon'],
    ]);
    // A construct takes the article on its second word; a pronoun may be attached to one word.
    expect(found('في تقديم مشروع القرار الموصى به', 'ar')).toEqual([
      ['مشروع القرار', 'draft-resolution'],
    ]);
    expect(found('وإذ تشير إلى قرارها 54/169', 'ar')).toEqual([['قرارها', 'resolution']]);
    // Not a proclitic: three letters before the term make another word.
    expect(found('كتبسلاح نووي', 'ar')).toEqual([]);
    // Han before a proclitic ends the word, as a space does, even beyond the BMP; a letter
    // beyond the BMP does not.
    expect(found('𠀀لمعاهدة عدم انتشار الأسلحة النووية', 'ar')).toEqual([
      ['معاهدة عدم انتشار الأسلحة النووية', 'npt'],
    ]);
    expect(found('核لمعاهدة عدم انتشار الأسلحة النووية', 'ar')).toHaveLength(1);
    expect(found('𐐀لمعاهدة عدم انتشار الأسلحة النووية', 'ar')).toEqual([
      ['الأسلحة النووية', 'nuclear-weapon'],
    ]);
  });

  it('matches Chinese without word boundaries, longest first', () => {
    expect(found('《不扩散核武器条约》缔约国和无核武器区的核武器', 'zh')).toEqual([
      ['不扩散核武器条约', 'npt'],
      ['无核武器区', 'nwfz'],
      ['核武器', 'nuclear-weapon'],
    ]);
  });

  it('restricts to the language asked for', () => {
    expect(found('nuclear weapon', 'fr')).toEqual([]);
    expect(found('nuclear weapon', 'en')).toEqual([['nuclear weapon', 'nuclear-weapon']]);
    expect(matcher.find('nuclear weapon arme nucléaire', { langs: ['en', 'fr'] })).toHaveLength(2);
    expect(found('nuclear weapon arme nucléaire')).toHaveLength(2);
  });
});

describe('buildTermMatcher: abbreviations and boundaries', () => {
  it('matches capitals abbreviations case-sensitively and on word boundaries', () => {
    expect(found('the AP and the ap', 'en')).toEqual([['AP', 'additional-protocol']]);
    expect(found("APPLE, MAP, AP1, the IAEA’s and the IAEA's report", 'en')).toEqual([
      ['IAEA', 'iaea'],
      ['IAEA', 'iaea'],
    ]);
    expect(found('NPT, npt, Npt, (NPT).', 'en')).toEqual([
      ['NPT', 'npt'],
      ['NPT', 'npt'],
    ]);
    expect(found('two NWFZs', 'en')).toEqual([['NWFZs', 'nwfz']]);
  });

  it('matches Latin abbreviations of other languages in any text, unless told not to', () => {
    expect(found('国际原子能机构(IAEA)的报告和NPT', 'zh')).toEqual([
      ['国际原子能机构', 'iaea'],
      ['IAEA', 'iaea'],
      ['NPT', 'npt'],
    ]);
    const m = matcher.find('доклад IAEA', { lang: 'ru' });
    expect(m.map((x) => [x.conceptId, x.lang])).toEqual([['iaea', 'en']]);
    expect(found('доклад IAEA', 'ru', false)).toEqual([]);
    // Cyrillic abbreviations stay with Russian.
    expect(found('МАГАТЭ', 'en')).toEqual([]);
  });

  it('requires word boundaries in alphabetic scripts', () => {
    expect(found('thermonuclear weapons and nuclear weaponry', 'en')).toEqual([]);
    expect(found('(nuclear weapons)', 'en')).toEqual([['nuclear weapons', 'nuclear-weapon']]);
  });
});

describe('buildTermMatcher: offsets in the original text', () => {
  it('spans combining marks, tatweel, full-width letters, soft hyphens and surrogate pairs', () => {
    const cases: [string, Lang, string][] = [
      ['x arme nucle\u0301aire y', 'fr', 'arme nucle\u0301aire'],
      ['x arme nucléaire\u0301 y', 'fr', 'arme nucléaire\u0301'],
      ['في الجلســة العامّة', 'ar', 'الجلســة العامّة'],
      ['ＮＰＴ and ｎｕｃｌｅａｒ　ｗｅａｐｏｎｓ', 'en', 'ＮＰＴ'],
      ['nu\u00ADclear weap\u00ADons', 'en', 'nu\u00ADclear weap\u00ADons'],
      ['😀 nuclear weapon 😀', 'en', 'nuclear weapon'],
      ['𠀀核武器𠀀', 'zh', '核武器'],
      ['nuclear\u00A0-\u00A0weapon', 'en', 'nuclear\u00A0-\u00A0weapon'],
      ['ядерное оружие\u0301', 'ru', 'ядерное оружие\u0301'],
      ['ЯДЕРНОЕ ОРУЖИЁ', 'ru', 'ЯДЕРНОЕ ОРУЖИЁ'],
    ];
    for (const [text, lang, slice] of cases) {
      const matches = matcher.find(text, { lang });
      expect(matches.length, text).toBeGreaterThan(0);
      const m = matches[0]!;
      expect(text.slice(m.start, m.end), text).toBe(slice);
    }
    const fullWidth = 'ＮＰＴ and ｎｕｃｌｅａｒ　ｗｅａｐｏｎｓ';
    expect(
      matcher.find(fullWidth, { lang: 'en' }).map((m) => fullWidth.slice(m.start, m.end)),
    ).toEqual(['ＮＰＴ', 'ｎｕｃｌｅａｒ　ｗｅａｐｏｎｓ']);
  });

  it('does not match across a soft hyphen inside a longer word', () => {
    expect(found('anti\u00ADnuclear weapon', 'en')).toEqual([]);
  });
});

describe('buildTermMatcher: what it reports', () => {
  it('reports the concept, language, status and the glossary term', () => {
    const [m] = matcher.find('a High Contracting Party', { lang: 'en' });
    expect(m).toEqual({
      start: 2,
      end: 24,
      conceptId: 'state-party',
      lang: 'en',
      status: 'deprecated',
      term: 'High Contracting Party',
    });
  });

  it('groups matches by concept', () => {
    const byConcept = matcher.findConcepts('NPT … nuclear weapons … the NPT', { lang: 'en' });
    expect([...byConcept.keys()]).toEqual(['npt', 'nuclear-weapon']);
    expect(byConcept.get('npt')).toHaveLength(2);
  });

  it('gives its size', () => {
    const stats = matcherStats(matcher);
    expect(stats.concepts).toBe(CONCEPTS.length);
    expect(stats.patterns).toBeGreaterThan(stats.terms);
    expect(stats.states).toBeGreaterThan(stats.patterns);
  });

  it('finds nothing in an empty text or with an empty glossary', () => {
    expect(matcher.find('')).toEqual([]);
    expect(buildTermMatcher([]).find('nuclear weapons')).toEqual([]);
  });
});
