import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createNameResolver, editDistance, type NameEntry } from './name-resolver.js';
import { primaryKey, secondaryKeys } from './name-key.js';

const ref = (id: string, name: string) => ({ id, alpha2: id.slice(0, 2), name });
const IRN = ref('IRN', 'Iran (Islamic Republic of)');
const COG = ref('COG', 'Congo');
const COD = ref('COD', 'Democratic Republic of the Congo');
const MKD = ref('MKD', 'North Macedonia');
const CIV = ref('CIV', "Côte d'Ivoire");
const NER = ref('NER', 'Niger');
const NGA = ref('NGA', 'Nigeria');
const DOM = ref('DOM', 'Dominican Republic');
const DMA = ref('DMA', 'Dominica');

const entries: NameEntry[] = [
  { state: IRN, lang: 'en', name: 'Iran (Islamic Republic of)' },
  { state: IRN, lang: 'zh', name: '伊朗伊斯兰共和国' },
  { state: IRN, lang: 'ar', name: 'إيران (جمهورية - الإسلامية)' },
  { state: COG, lang: 'en', name: 'Congo (the)' },
  { state: COG, lang: 'fr', name: 'Congo (le)' },
  { state: COD, lang: 'en', name: 'Democratic Republic of the Congo (the)' },
  { state: COD, lang: 'fr', name: 'République démocratique du Congo (la)' },
  { state: MKD, lang: 'en', name: 'the former Yugoslav Republic of Macedonia' },
  { state: MKD, lang: 'ru', name: 'бывшая югославская Республика Македония' },
  { state: CIV, lang: 'en', name: "Côte d'Ivoire" },
  { state: NER, lang: 'en', name: 'Niger (the)' },
  { state: NGA, lang: 'en', name: 'Nigeria' },
  { state: DOM, lang: 'en', name: 'Dominican Republic (the)' },
  { state: DMA, lang: 'en', name: 'Dominica' },
];
const resolver = createNameResolver(entries);

describe('name resolver', () => {
  it.each([
    ['Iran (Islamic Republic of)', 'IRN'],
    ['Islamic Republic of Iran', 'IRN'],
    ['Iran', 'IRN'],
    ['  IRAN   (islamic republic OF) ', 'IRN'],
    ['伊朗伊斯兰 共和国', 'IRN'],
    ['ايران (جمهورية - الاسلامية)', 'IRN'],
    ['The Congo', 'COG'],
    ['Congo', 'COG'],
    ['le Congo', 'COG'],
    ['Democratic Republic of the Congo', 'COD'],
    ['Former Yugoslav Republic of Macedonia', 'MKD'],
    ['БЫВШАЯ ЮГОСЛАВСКАЯ РЕСПУБЛИКА МАКЕДОНИЯ', 'MKD'],
    ['Cote d’Ivoire', 'CIV'],
    ['Côte d\u2019Ivoire', 'CIV'],
    ['Niger', 'NER'],
    ['Dominica', 'DMA'],
  ])('resolves %s', (input, id) => {
    const r = resolver.resolve(input);
    expect(r.status).toBe('resolved');
    expect(r.state?.id).toBe(id);
  });

  it('restricts matching to the given language', () => {
    expect(resolver.resolve('Congo', 'fr').state?.id).toBe('COG');
    expect(resolver.resolve('伊朗伊斯兰共和国', 'en').status).toBe('unknown');
  });

  it('never guesses: unknown names come back unresolved, with suggestions', () => {
    const r = resolver.resolve('Nigerria');
    expect(r).toMatchObject({ status: 'unknown', state: null });
    expect(r.status === 'unknown' && r.candidates.map((c) => c.id)).toEqual(['NGA']);
    expect(resolver.resolve('Atlantis')).toMatchObject({
      status: 'unknown',
      state: null,
      candidates: [],
    });
  });

  it('reports a name shared by two States as ambiguous, with both', () => {
    const shared = createNameResolver([
      { state: COG, lang: 'en', name: 'Congo' },
      { state: COD, lang: 'en', name: 'Congo' },
    ]);
    const r = shared.resolve('Congo');
    expect(r.status).toBe('ambiguous');
    expect(r.status === 'ambiguous' && r.candidates.map((c) => c.id).sort()).toEqual([
      'COD',
      'COG',
    ]);
  });

  it('is indifferent to case, spacing, accents and a leading article (property)', () => {
    const names = entries.filter((e) => e.lang === 'en');
    fc.assert(
      fc.property(
        fc.constantFrom(...names),
        fc.array(fc.boolean(), { minLength: 80, maxLength: 80 }),
        fc.constantFrom('', 'the ', 'The '),
        fc.constantFrom(' ', '  ', '\t'),
        (entry, upper, article, space) => {
          const mangled =
            article +
            [...entry.name.replace(/^the /i, '')]
              .map((ch, i) => (upper[i % upper.length] ? ch.toUpperCase() : ch.toLowerCase()))
              .join('')
              .replace(/ /g, space);
          expect(resolver.resolve(mangled).state?.id).toBe(entry.state.id);
        },
      ),
    );
  });
});

describe('name keys', () => {
  it('moves a parenthesised qualifier and drops it', () => {
    expect(secondaryKeys('Micronesia (Federated States of)')).toEqual([
      'micronesia',
      'federated states of micronesia',
    ]);
    expect(primaryKey("Afghanistan (l')", 'fr')).toBe('afghanistan');
  });

  it('removes bidi controls and soft hyphens left by PDF extraction', () => {
    expect(primaryKey('\u202BالعراقÂ\u202C'.replace('Â', ''))).toBe(primaryKey('العراق'));
    expect(primaryKey('Ka\u00ADzakh\u00ADstan')).toBe('kazakhstan');
  });

  it('edit distance is a metric on small strings (property)', () => {
    const s = fc.string({ maxLength: 8 });
    fc.assert(
      fc.property(s, s, s, (a, b, c) => {
        expect(editDistance(a, a)).toBe(0);
        expect(editDistance(a, b)).toBe(editDistance(b, a));
        expect(editDistance(a, c)).toBeLessThanOrEqual(editDistance(a, b) + editDistance(b, c));
      }),
    );
  });
});
