/** Word-level differences and similarity, in English, Chinese and Arabic. */
import { describe, expect, it } from 'vitest';
import { contentTokens, similarity, tokenSimilarity, wordDiff } from './word-diff.js';

describe('wordDiff', () => {
  it('reads a replacement of neighbouring words as one change', () => {
    expect(wordDiff('the big red cat sat', 'the small blue cat sat', 'en')).toEqual([
      { op: 'equal', text: 'the ' },
      { op: 'delete', text: 'big red' },
      { op: 'insert', text: 'small blue' },
      { op: 'equal', text: ' cat sat' },
    ]);
  });

  it('finds an inserted word and a changed number', () => {
    expect(
      wordDiff(
        'Once again calls upon all States, 55/100',
        'Again calls upon all Member States, 55/101',
        'en',
      ),
    ).toEqual([
      { op: 'delete', text: 'Once again' },
      { op: 'insert', text: 'Again' },
      { op: 'equal', text: ' calls upon all ' },
      { op: 'insert', text: 'Member ' },
      { op: 'equal', text: 'States, ' },
      { op: 'delete', text: '55/100' },
      { op: 'insert', text: '55/101' },
    ]);
  });

  it('compares Chinese word by word', () => {
    expect(
      wordDiff('五常推进了报告方式的讨论。', '五常进一步推进了汇报方式的讨论。', 'zh'),
    ).toEqual([
      { op: 'equal', text: '五常' },
      { op: 'insert', text: '进一步' },
      { op: 'equal', text: '推进了' },
      { op: 'delete', text: '报告' },
      { op: 'insert', text: '汇报' },
      { op: 'equal', text: '方式的讨论。' },
    ]);
  });

  it('compares Arabic word by word', () => {
    expect(wordDiff('تهيب بجميع الدول أن تسمح', 'تهيب أيضا بجميع الدول أن تسمح', 'ar')).toEqual([
      { op: 'equal', text: 'تهيب ' },
      { op: 'insert', text: 'أيضا ' },
      { op: 'equal', text: 'بجميع الدول أن تسمح' },
    ]);
  });

  it('gives one equal run for equal texts and nothing for two empty ones', () => {
    expect(wordDiff('same', 'same', 'en')).toEqual([{ op: 'equal', text: 'same' }]);
    expect(wordDiff('', '', 'en')).toEqual([]);
    expect(wordDiff('', 'new', 'en')).toEqual([{ op: 'insert', text: 'new' }]);
  });
});

describe('similarity', () => {
  it('is 1 for the same words, whatever the spacing, and 0 for nothing in common', () => {
    expect(similarity('a  b c', 'a b c', 'en')).toBe(1);
    expect(similarity('a b', 'c d', 'en')).toBe(0);
    expect(similarity('', '', 'en')).toBe(1);
    expect(similarity('', 'a', 'en')).toBe(0);
  });

  it('counts repeated tokens as often as both have them', () => {
    expect(tokenSimilarity(['a', 'a', 'b'], ['a', 'b', 'b'])).toBeCloseTo(4 / 6);
    expect(similarity('the cat and the dog', 'the cat', 'en')).toBeCloseTo(4 / 7);
  });

  it('works on Chinese words, not characters', () => {
    expect(contentTokens('五常审查了 2015 年', 'zh')).toEqual(['五常', '审查', '了', '2015', '年']);
    expect(similarity('五常审查了工作。', '五常审议了工作。', 'zh')).toBeCloseTo(8 / 10);
  });
});
