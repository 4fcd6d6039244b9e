/**
 * The action suggester on hand-made paragraphs in the six languages, on the founding P5
 * statement (Chinese) as the ingest pipeline segments it (no database), and with a concept.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ActionSuggestion } from '../domain/evidence.js';
import type { Segment } from '../domain/documents.js';
import { pipelineEnvFrom, prepareDocument } from '../ingest/prepare-document.js';
import { loadReferenceData } from '../reference/load-reference-data.js';
import { descriptorsFrom } from './action-descriptors.js';
import { createActionMatcher, MIN_RAW_SCORE, type ActionMatcher } from './suggest-actions.js';

const SEED = fileURLToPath(new URL('../../data/samples/seed/', import.meta.url));
const data = loadReferenceData();
const descriptors = descriptorsFrom(data.actions);
const matcher = createActionMatcher(descriptors);

const ids = (suggestions: readonly ActionSuggestion[]) => suggestions.map((s) => s.actionId);
const top = (suggestions: readonly ActionSuggestion[], n: number) => ids(suggestions.slice(0, n));

async function seedSegments(): Promise<Segment[]> {
  const env = pipelineEnvFrom({
    states: data.states,
    groups: data.groups,
    meetings: data.meetings,
  });
  const file = 'p5-joint-statement-2013.zh.txt';
  const bytes = readFileSync(SEED + file);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const prepared = await prepareDocument({ name: file, bytes, sha256 }, {}, env);
  if (!prepared.ok) throw new Error(prepared.reason);
  return [...prepared.prepared.document.segments];
}

describe('the founding P5 statement (Chinese)', () => {
  let paragraphs: Segment[] = [];
  beforeAll(async () => {
    paragraphs = (await seedSegments()).filter((s) => s.kind === 'paragraph');
  });
  const about = (substring: string) => {
    const found = paragraphs.filter((p) => p.text.includes(substring));
    expect(found, substring).toHaveLength(1);
    return matcher.suggest(found[0]!.text, 'zh');
  };

  it('has the twelve body paragraphs the tests pick from', () => {
    expect(paragraphs).toHaveLength(12);
  });

  it('puts test-ban actions first for the CTBT paragraph', () => {
    const suggestions = about('全面禁止核试验条约》生效的讨论');
    const testBan = ['AP2010-A10', 'AP2010-A11', 'AP2010-A12', 'AP2010-A13', 'AP2010-A14'];
    expect(top(suggestions, 3).every((id) => testBan.includes(id))).toBe(true);
  });

  it('puts Additional Protocol actions first for the safeguards paragraph', () => {
    const suggestions = about('普遍通过《附加议定书》');
    expect(top(suggestions, 3)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^AP2010-A(28|29|30)$/)]),
    );
    expect(top(suggestions, 3).filter((id) => /^AP2010-A(2[4-9]|3[0-4])$/.test(id))).toHaveLength(
      3,
    );
  });

  it('finds Actions 5, 20 and 21 cited in the reporting paragraph, "和" included', () => {
    const suggestions = about('关键核定义与核术语表');
    expect(top(suggestions, 5)).toEqual(
      expect.arrayContaining(['AP2010-A5', 'AP2010-A20', 'AP2010-A21']),
    );
    const a21 = suggestions.find((s) => s.actionId === 'AP2010-A21')!;
    expect(a21.reasons[0]).toMatchObject({
      kind: 'citation',
      term: '21',
      matched: '行动 5、20 和 21',
    });
  });

  it('puts Action 9 first for the nuclear-weapon-free-zone protocols paragraph', () => {
    const suggestions = about('东南亚无核武器区条约议定书');
    expect(top(suggestions, 3)).toContain('AP2010-A9');
    expect(suggestions[0]?.actionId).toBe('AP2010-A9');
  });

  it('finds the Middle East section by the 1995 resolution', () => {
    expect(about('1995年中东问题决议')[0]?.actionId).toBe('AP2010-ME');
  });
});

describe('matching across forms and languages', () => {
  it('matches inflected keywords in every language', () => {
    const cases: [string, 'ar' | 'en' | 'fr' | 'ru' | 'es', string][] = [
      ['States should sign safeguard agreements and additional protocols.', 'en', 'AP2010-A28'],
      [
        'Les désarmements nucléaires progressent; la Conférence du désarmement est bloquée.',
        'fr',
        'AP2010-A6',
      ],
      [
        'Мы призываем к скорейшему вступлению ДВЗЯИ в силу и сохранению моратория на ядерные испытания.',
        'ru',
        'AP2010-A11',
      ],
      [
        'Instamos a los Estados a concertar protocolos adicionales con el Organismo.',
        'es',
        'AP2010-A28',
      ],
      ['ندعو إلى تعزيز الأمن النووي والحماية المادية للمواد النووية.', 'ar', 'AP2010-A40'],
    ];
    for (const [text, lang, expected] of cases) {
      expect(top(matcher.suggest(text, lang), 3), text).toContain(expected);
    }
  });

  it('gives the matched words as written, by offsets', () => {
    const text = 'We welcome the SAFEGUARD   Agreements concluded and the Additional Protocols.';
    const reasons = matcher.suggest(text, 'en').flatMap((s) => s.reasons);
    const matched = reasons.filter((r) => r.kind === 'keyword').map((r) => r.matched);
    expect(matched).toContain('Additional Protocols');
    for (const m of matched) expect(text).toContain(m);
  });

  it('matches names of another language with less weight', () => {
    const own = matcher.suggest('The CTBT must enter into force.', 'en');
    const foreign = matcher.suggest('Le CTBT doit entrer en vigueur.', 'fr');
    expect(top(foreign, 3)).toEqual(expect.arrayContaining(['AP2010-A10']));
    const weight = (s: readonly ActionSuggestion[]) =>
      s.find((x) => x.actionId === 'AP2010-A10')!.reasons.find((r) => r.term === 'CTBT')!.weight;
    // "CTBT" is an English keyword: full weight in English, less in French.
    expect(weight(foreign)).toBeLessThan(weight(own));
  });

  it('reads Arabic with a leading conjunction or preposition', () => {
    const suggestions = matcher.suggest(
      'ونؤكد أهمية البروتوكول الإضافي ولنزع السلاح النووي.',
      'ar',
    );
    expect(top(suggestions, 5)).toContain('AP2010-A28');
  });

  it('works on a paragraph of undetermined language', () => {
    const suggestions = matcher.suggest(
      'The Additional Protocol is the verification standard.',
      'und',
    );
    expect(top(suggestions, 3)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^AP2010-A(28|29|30)$/)]),
    );
  });

  it('weighs a keyword of many actions less than a specific one', () => {
    const specific = matcher.suggest('export controls', 'en')[0]!;
    const shared = matcher.suggest('IAEA safeguards', 'en')[0]!;
    expect(shared.reasons[0]!.weight).toBeLessThan(specific.reasons[0]!.weight);
    // The Treaty itself names no action.
    expect(matcher.suggest('The NPT.', 'en')).toEqual([]);
  });
});

describe('citations', () => {
  it('reads lists and ranges in six languages', () => {
    const cases: [string, 'ar' | 'zh' | 'en' | 'fr' | 'ru' | 'es', string[]][] = [
      ['We report under actions 5, 20 and 21.', 'en', ['AP2010-A5', 'AP2010-A20', 'AP2010-A21']],
      ['Conformément à la mesure 21, nous présentons ce rapport.', 'fr', ['AP2010-A21']],
      ['De conformidad con las medidas 20 y 21.', 'es', ['AP2010-A20', 'AP2010-A21']],
      ['В соответствии с действием 21 мы представляем доклад.', 'ru', ['AP2010-A21']],
      ['وفقا للإجراء 21 نقدم هذا التقرير.', 'ar', ['AP2010-A21']],
      ['根据第21项行动提交报告。', 'zh', ['AP2010-A21']],
    ];
    for (const [text, lang, expected] of cases) {
      expect(top(matcher.suggest(text, lang), expected.length).sort(), text).toEqual(
        [...expected].sort(),
      );
    }
  });

  it('shares the weight of a citation of many actions', () => {
    const one = matcher.suggest('Action 3.', 'en')[0]!;
    const range = matcher.suggest('Actions 1 to 22.', 'en', 30);
    expect(range).toHaveLength(22);
    expect(range[0]!.score).toBeLessThan(one.score);
    // Ties are ranked by action number.
    const number = (s: ActionSuggestion) => Number(s.actionId.slice('AP2010-A'.length));
    const ties = range.filter((s, i) => i > 0 && s.score === range[i - 1]!.score);
    expect(ties.length).toBeGreaterThan(10);
    range.forEach((s, i) => {
      if (i > 0 && s.score === range[i - 1]!.score) {
        expect(number(s)).toBeGreaterThan(number(range[i - 1]!));
      }
    });
  });

  it('ignores numbers that are not actions and years', () => {
    expect(matcher.suggest('Action 65 and action 0.', 'en')).toEqual([]);
    expect(top(matcher.suggest('行动2014年', 'zh'), 1)).not.toContain('AP2010-A20');
  });
});

describe('limits and scores', () => {
  it('returns at most `limit`, best first, scores in [0, 1]', () => {
    const text =
      'The IAEA safeguards system, the Additional Protocol, export controls and nuclear security.';
    for (const limit of [0, 1, 3, 5, 10]) {
      const suggestions = matcher.suggest(text, 'en', limit);
      expect(suggestions.length).toBeLessThanOrEqual(limit);
      for (const [i, s] of suggestions.entries()) {
        expect(s.score).toBeGreaterThan(0);
        expect(s.score).toBeLessThanOrEqual(1);
        if (i > 0) expect(s.score).toBeLessThanOrEqual(suggestions[i - 1]!.score);
      }
    }
    expect(matcher.suggest(text, 'en')).toHaveLength(5);
  });

  it('suggests nothing for a paragraph about nothing in the plan', () => {
    expect(matcher.suggest('The meeting was held in Geneva on 18 and 19 April.', 'en')).toEqual([]);
    expect(matcher.suggest('', 'zh')).toEqual([]);
    // A lone weak match stays under the threshold.
    for (const s of matcher.suggest('nuclear', 'en')) {
      expect(1 - s.score).toBeLessThanOrEqual(Math.exp(-MIN_RAW_SCORE));
    }
  });
});

describe('concepts', () => {
  let withConcept: ActionMatcher;
  beforeAll(() => {
    withConcept = createActionMatcher(descriptors, {
      concepts: [
        {
          id: 'test-ban-treaty',
          terms: { en: ['CTBT', 'test-ban treaty'], zh: ['全面禁试条约'], fr: ['TICE'] },
        },
      ],
    });
  });

  it('links a concept term to the actions whose keywords share one of its terms', () => {
    const text = 'We call on all States to sign the test-ban treaty.';
    expect(matcher.suggest(text, 'en').map((s) => s.actionId)).not.toContain('AP2010-A10');
    const suggestions = withConcept.suggest(text, 'en');
    expect(top(suggestions, 3)).toEqual(
      expect.arrayContaining(['AP2010-A10', 'AP2010-A11', 'AP2010-A13']),
    );
    const reason = suggestions[0]!.reasons.find((r) => r.kind === 'concept')!;
    expect(reason.matched).toBe('test-ban treaty');
    expect(reason.term).toContain('test-ban-treaty');
  });

  it('matches concept terms in other languages, and adds nothing where a keyword matched', () => {
    expect(top(withConcept.suggest('全面禁试条约五常专家会议', 'zh'), 3)).toContain('AP2010-A13');
    const both = withConcept.suggest('The CTBT.', 'en')[0]!;
    expect(both.reasons.filter((r) => r.kind === 'concept')).toEqual([]);
  });
});
