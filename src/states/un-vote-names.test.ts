/**
 * Every State name in the recorded vote of A/RES/55/100 (lines 3–5 of each language file)
 * resolves, in all six languages, to the same sets of States.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../domain/languages.js';
import { loadReferenceData } from '../reference/load-reference-data.js';
import { resolverFromStates } from './state-queries.js';
import { splitNameList } from './split-name-list.js';

const SAMPLE = new URL('../../data/samples/un-ga-res-55-100/', import.meta.url);
const resolver = resolverFromStates(loadReferenceData().states);

describe('recorded-vote names of A/RES/55/100', () => {
  const sets: Record<string, string[][]> = {};
  it.each(LANGUAGES)('resolves 100%% of the names in the %s text', (lang) => {
    const lines = readFileSync(new URL(`UN_GA_res55-100.${lang}.txt`, SAMPLE), 'utf8')
      .split('\n')
      .slice(2, 5);
    const lists = lines.map((line) => splitNameList(line).names);
    const results = lists.map((names) => names.map((name) => resolver.resolve(name, lang)));
    const unresolved = results
      .flat()
      .filter((r) => r.status !== 'resolved')
      .map((r) => r.input);
    const total = results.flat().length;
    console.info(`${lang}: ${total - unresolved.length}/${total} names resolved`);
    expect(unresolved).toEqual([]);
    expect(lists.map((names) => names.length)).toEqual([106, 1, 67]);
    sets[lang] = results.map((rs) => rs.map((r) => r.state!.id).sort());
  });

  it('finds the same States in every language', () => {
    for (const lang of LANGUAGES) expect(sets[lang]).toEqual(sets.en);
  });
});
