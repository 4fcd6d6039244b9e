// Builds data/states.json from the UNTERM names in data/sources/country-codes.csv, the hand-entered
// rows in data/sources/state-overrides.json and the curated historic and variant names in
// data/sources/state-variants.json. Run after editing any of them: `npx tsx scripts/generate-states.ts`.
import { readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { LANGUAGES, type Lang } from '../src/domain/languages.js';
import { stateRecordSchema, type StateRecord } from '../src/domain/reference-data.js';
import { parseCsvRecords } from '../src/lib/csv.js';

const DATASET =
  'datasets/country-codes (UNTERM names, ISO 3166, UNSD M49), data/sources/country-codes.csv';
const OBSERVERS = new Set(['VAT', 'PSE']);
const NON_MEMBERS = new Set(['COK', 'NIU']);
const LANGUAGE_COLUMN: Record<Lang, string> = {
  ar: 'Arabic',
  zh: 'Chinese',
  en: 'English',
  fr: 'French',
  ru: 'Russian',
  es: 'Spanish',
};
const M49_COLUMN: Record<Lang, string> = {
  ar: 'official_name_ar',
  zh: 'official_name_cn',
  en: 'official_name_en',
  fr: 'official_name_fr',
  ru: 'official_name_ru',
  es: 'official_name_es',
};

const overridesSchema = z.array(stateRecordSchema.omit({ variants: true }));
const variantsSchema = z.array(
  z.object({
    state: z.string(),
    lang: z.enum(LANGUAGES),
    name: z.string().min(1),
    kind: z.enum(['historic', 'variant', 'abbreviation']),
    source: z.string().min(3),
  }),
);

// UNTERM marks non-member and observer entries with asterisks (footnote markers), not part of the name.
const clean = (name: string) => name.replace(/\s*\*+\s*$/u, '').trim();
const pad3 = (code: string) => code.padStart(3, '0');

const rows = parseCsvRecords(readFileSync('data/sources/country-codes.csv', 'utf8'));
const overrides = overridesSchema.parse(
  JSON.parse(readFileSync('data/sources/state-overrides.json', 'utf8')),
);
const variants = variantsSchema.parse(
  JSON.parse(readFileSync('data/sources/state-variants.json', 'utf8')),
);

const states = new Map<string, StateRecord>();
for (const row of rows) {
  const id = row['ISO3166-1-Alpha-3'] ?? '';
  if (!row['UNTERM English Short']) continue;
  const names = Object.fromEntries(
    LANGUAGES.map((lang) => [
      lang,
      {
        short: clean(row[`UNTERM ${LANGUAGE_COLUMN[lang]} Short`] ?? ''),
        formal: clean(row[`UNTERM ${LANGUAGE_COLUMN[lang]} Formal`] ?? ''),
      },
    ]),
  ) as StateRecord['names'];
  states.set(id, {
    id,
    alpha2: row['ISO3166-1-Alpha-2'] ?? '',
    numeric: pad3(row['ISO3166-1-numeric'] ?? ''),
    m49: pad3(row.M49 ?? ''),
    status: OBSERVERS.has(id) ? 'observer' : NON_MEMBERS.has(id) ? 'non-member' : 'member',
    names,
    variants: m49Variants(row, names),
    source: DATASET,
  });
}
for (const override of overrides) {
  const row = rows.find((r) => r['ISO3166-1-Alpha-3'] === override.id);
  states.set(override.id, { ...override, variants: row ? m49Variants(row, override.names) : [] });
}
const byAlpha2 = new Map([...states.values()].map((s) => [s.alpha2, s.id]));
// English spellings used by the UNODA treaty database, mapped to ISO alpha-2 by survivalscores.org.
for (const line of readFileSync('data/sources/unoda-country-aliases.yaml', 'utf8').split('\n')) {
  const match = /^"(.+)":\s*"([A-Z]{2})"\s*$/u.exec(line);
  const state = match && byAlpha2.get(match[2]!);
  if (match && state) {
    variants.push({
      state,
      lang: 'en',
      name: match[1]!,
      kind: 'variant',
      source: 'treaties.unoda.org spelling, data/sources/unoda-country-aliases.yaml',
    });
  }
}
// Common English names (OWID's) for UNODA spellings: "Russia", "Syria", "United Kingdom".
const owid = z
  .record(z.string(), z.string())
  .parse(JSON.parse(readFileSync('data/sources/owid-unoda-country-names.json', 'utf8')));
const byEnglishName = new Map<string, string>();
for (const s of states.values())
  for (const name of [s.names.en.short, s.names.en.formal])
    byEnglishName.set(name.replace(/^the /u, '').replace(/ \(the\)$/u, ''), s.id);
for (const [unoda, common] of Object.entries(owid)) {
  const state = byEnglishName.get(unoda) ?? variants.find((v) => v.name === unoda)?.state;
  if (state && unoda !== common) {
    variants.push({
      state,
      lang: 'en',
      name: common.replace(/ \(country\)$/u, ''),
      kind: 'variant',
      source: 'OWID name mapping of UNODA spellings, data/sources/owid-unoda-country-names.json',
    });
  }
}
for (const variant of variants) {
  const state = states.get(variant.state);
  if (!state)
    throw new Error(`state-variants.json: unknown state ${variant.state} for '${variant.name}'`);
  const known = [
    state.names[variant.lang].short,
    state.names[variant.lang].formal,
    ...state.variants.filter((v) => v.lang === variant.lang).map((v) => v.name),
  ];
  if (known.includes(variant.name)) continue;
  state.variants.push({
    lang: variant.lang,
    name: variant.name,
    kind: variant.kind,
    source: variant.source,
  });
}

/** The UNSD M49 name where it differs from the UNTERM short name: a form documents also use. */
function m49Variants(
  row: Record<string, string>,
  names: StateRecord['names'],
): StateRecord['variants'] {
  return LANGUAGES.flatMap((lang) => {
    const name = (row[M49_COLUMN[lang]] ?? '').trim();
    return name && name !== names[lang].short
      ? [
          {
            lang,
            name,
            kind: 'variant' as const,
            source: 'UNSD M49 official name, data/sources/country-codes.csv',
          },
        ]
      : [];
  });
}

const sorted = [...states.values()].sort((a, b) => a.id.localeCompare(b.id));
z.array(stateRecordSchema).parse(sorted);
writeFileSync('data/states.json', JSON.stringify(sorted, null, 2) + '\n');
console.log(
  `data/states.json: ${sorted.length} states, ${sorted.reduce((n, s) => n + s.variants.length, 0)} variant names`,
);
