import { describe, expect, it } from 'vitest';
import { loadReferenceData } from '../reference/load-reference-data.js';
import { descriptorsFrom, descriptorsHash } from './action-descriptors.js';

const actions = loadReferenceData().actions;

describe('descriptorsFrom', () => {
  it('describes every action, the Middle East section with no number', () => {
    const descriptors = descriptorsFrom(actions);
    expect(descriptors).toHaveLength(65);
    const a21 = descriptors.find((d) => d.id === 'AP2010-A21')!;
    expect(a21.number).toBe(21);
    expect(a21.pillar).toBe('disarmament');
    expect(a21.keywords.en).toContain('standard reporting form');
    expect(a21.keywords.zh?.length).toBe(a21.keywords.ar?.length);
    expect(a21.subsection.en).toBe('Other measures in support of nuclear disarmament');
    // The bundled file has no Arabic subsection titles: the language is left out, not empty.
    expect('ar' in a21.subsection).toBe(false);
    expect(descriptors.find((d) => d.id === 'AP2010-ME')?.number).toBeNull();
  });
});

describe('descriptorsHash', () => {
  it('is stable, ignores key order and changes with any descriptor', () => {
    const descriptors = descriptorsFrom(actions);
    const hash = descriptorsHash(descriptors);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(descriptorsHash(descriptorsFrom(actions))).toBe(hash);
    const reordered = descriptors.map((d) => ({
      articles: d.articles,
      subsection: d.subsection,
      summary: d.summary,
      keywords: d.keywords,
      pillar: d.pillar,
      number: d.number,
      id: d.id,
    }));
    expect(descriptorsHash(reordered)).toBe(hash);
    const changed = descriptors.map((d) =>
      d.id === 'AP2010-A9'
        ? { ...d, keywords: { ...d.keywords, en: ['nuclear-weapon-free zones'] } }
        : d,
    );
    expect(descriptorsHash(changed)).not.toBe(hash);
  });
});
