import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assembleParagraphs, decideLineBreaks, joinSoft } from './line-breaks.js';

const SAMPLES = new URL('../../../data/samples/', import.meta.url);

describe('line-break repair', () => {
  it('agrees with the human labels of real UN PDF text (mnbvc validation set)', () => {
    const records = readFileSync(new URL('mnbvc-linebreak/validation_small.jsonl', SAMPLES), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { raw_text: string; is_hard_linebreak: boolean[] });
    let agree = 0;
    let total = 0;
    for (const record of records) {
      const lines = record.raw_text.split('\n');
      const decisions = decideLineBreaks(lines);
      expect(decisions).toHaveLength(record.is_hard_linebreak.length);
      decisions.forEach((d, i) => {
        total++;
        if (d.hard === record.is_hard_linebreak[i]) agree++;
      });
    }
    console.info(
      `line breaks: ${agree}/${total} agree with the labels (${((100 * agree) / total).toFixed(1)}%)`,
    );
    expect(agree / total).toBeGreaterThanOrEqual(0.85);
  });

  it('keeps numbered paragraphs and sub-paragraphs apart and joins wrapped lines', () => {
    const lines = [
      '1. The States parties reaffirm that the Treaty remains the cornerstone of the',
      'nuclear non-proliferation regime and an essential foundation for the pursuit of',
      'nuclear disarmament.',
      '2. They call upon all States:',
      '(a) To conclude comprehensive safeguards agreements and additional',
      'protocols;',
      '(b) To support the International Atomic Energy Agency.',
    ];
    expect(assembleParagraphs(lines)).toEqual([
      '1. The States parties reaffirm that the Treaty remains the cornerstone of the nuclear non-proliferation regime and an essential foundation for the pursuit of nuclear disarmament.',
      '2. They call upon all States:',
      '(a) To conclude comprehensive safeguards agreements and additional protocols;',
      '(b) To support the International Atomic Energy Agency.',
    ]);
  });

  it('treats each line as a paragraph when lines are not wrapped', () => {
    const long = 'x'.repeat(300);
    expect(assembleParagraphs([`${long} a`, `${long} b`, 'short'])).toHaveLength(3);
  });

  it('joins across scripts the way each writes', () => {
    expect(joinSoft('核裁军和普遍彻底裁', '军的共同目标')).toBe('核裁军和普遍彻底裁军的共同目标');
    expect(joinSoft('在 2009', '年伦敦会议')).toBe('在 2009 年伦敦会议');
    expect(joinSoft('the non-', 'proliferation regime')).toBe('the non-proliferation regime');
    expect(joinSoft('Nuclear-Test-Ban', 'Treaty')).toBe('Nuclear-Test-Ban Treaty');
    expect(joinSoft('safe\u00AD', 'guards')).toBe('safeguards');
    expect(joinSoft('Договор о нераспространении', 'ядерного оружия')).toBe(
      'Договор о нераспространении ядерного оружия',
    );
  });

  it('loses no word and invents none (property)', () => {
    const word = fc.stringMatching(/^[a-z]{1,12}$/);
    fc.assert(
      fc.property(
        fc.array(fc.array(word, { minLength: 1, maxLength: 14 }), { minLength: 1, maxLength: 30 }),
        (rows) => {
          const lines = rows.map((r) => r.join(' '));
          const words = assembleParagraphs(lines).join(' ').split(' ');
          expect(words).toEqual(lines.join(' ').split(' '));
        },
      ),
    );
  });
});
