import { describe, expect, it } from 'vitest';
import type { MatchPhrase } from './match-tree.js';
import { needsColumnLabels, tsquery } from './tsquery.js';

const phrase = (
  terms: string[],
  columns: MatchPhrase['columns'],
  lastPrefix = false,
): MatchPhrase => ({ kind: 'phrase', terms, columns, lastPrefix });
const words = (terms: string[], lastPrefix = false) => phrase(terms, ['body', 'head'], lastPrefix);

describe('tsquery', () => {
  it('leaves out column weights where no term could stand in another column', () => {
    expect(tsquery(words(['nuclear']), 'en')).toBe("'nuclear'");
    expect(tsquery(words(['nuclear', 'weapon']), 'en')).toBe("('nuclear' <-> 'weapon')");
    expect(tsquery(phrase(['year_2015'], ['meta']), 'fr')).toBe("'year_2015'");
    expect(tsquery(words(['disarm'], true), 'en')).toBe("'disarm':*");
    // Two Han characters are never one entry of the characters column.
    expect(tsquery(words(['核裁军']), 'zh')).toBe("'核裁军'");
  });

  it('keeps them where a term could also be a filter token or a Chinese character', () => {
    // `stat*` begins `state_fra`, a filter token.
    expect(tsquery(words(['stat'], true), 'en')).toBe("'stat':*AB");
    expect(needsColumnLabels(words(['yea'], true), 'en')).toBe(true);
    // One Han character, or a run without Han, is also in the characters column.
    expect(tsquery(words(['核']), 'zh')).toBe("'核':AB");
    expect(tsquery(words(['iaea']), 'zh')).toBe("'iaea':AB");
    expect(tsquery(phrase(['核', '裁'], ['chars']), 'zh')).toBe("('核':C <-> '裁':C)");
    expect(needsColumnLabels(words(['核'], true), 'zh')).toBe(true);
    expect(needsColumnLabels(words(['核裁'], true), 'zh')).toBe(false);
  });

  it('prints AND, exclusions and OR around the phrases', () => {
    const and = {
      kind: 'and' as const,
      children: [words(['nuclear']), phrase(['type_wp'], ['meta'])],
      exclude: [words(['stat'], true)],
    };
    expect(tsquery(and, 'en')).toBe("('nuclear') & ('type_wp') & !(('stat':*AB))");
    expect(tsquery({ kind: 'or', children: [words(['a']), words(['b'])] }, 'en')).toBe(
      "('a') | ('b')",
    );
  });
});
