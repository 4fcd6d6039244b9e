/**
 * The type system checks that every language has every key; this checks what it cannot: that
 * each translation uses exactly the English string's parameters and is not left empty.
 */
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../domain/language-codes.js';
import { en } from './en.js';
import { CATALOGUE, interpolate, type MessageKey } from './messages.js';

const params = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const keys = Object.keys(en) as MessageKey[];

describe('UI messages', () => {
  for (const lang of LANGUAGES) {
    it(`${lang}: same keys and parameters as English, nothing empty`, () => {
      const messages = CATALOGUE[lang];
      expect(Object.keys(messages).sort()).toEqual([...keys].sort());
      for (const key of keys) {
        expect(messages[key].trim(), `${lang} ${key}`).not.toBe('');
        expect(params(messages[key]), `${lang} ${key}`).toEqual(params(en[key]));
      }
    });
  }

  it('interpolates named parameters and leaves unknown ones visible', () => {
    expect(interpolate('Action {number} of {total}', { number: 5 })).toBe('Action 5 of {total}');
  });
});
