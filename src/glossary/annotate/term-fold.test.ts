import { describe, expect, it } from 'vitest';
import { foldText, foldWithOffsets } from './term-fold.js';

describe('foldText', () => {
  it('folds case, width, diacritics, dashes and spaces', () => {
    expect(foldText('États-Unis')).toBe('etats unis');
    expect(foldText('Ｎｕｃｌｅａｒ\u00A0 — weapon ')).toBe('nuclear weapon');
    expect(foldText('ЁЛКА й и\u0306')).toBe('елка и и');
    expect(foldText('ΣΟΦΟΣ')).toBe('σοφοσ');
    expect(foldText('l’Agence')).toBe("l'agence");
  });

  it('folds Arabic letter variants and drops harakat and tatweel', () => {
    expect(foldText('الأسلحةُ النوويـــة')).toBe('الاسلحه النوويه');
    expect(foldText('إلى آخر ٱلمعنى مسؤول رئيس ٢٠١٠')).toBe('الي اخر المعني مسوول رييس 2010');
  });

  it('skips invisible characters and expands ligatures', () => {
    expect(foldText('non\u00ADpro\u200Bliferation')).toBe('nonproliferation');
    expect(foldText('ﬁnal ﻻ')).toBe('final لا');
  });

  it('keeps the offset of each folded character', () => {
    const { text, offsets } = foldWithOffsets('  E\u0301tats  ﬁ');
    expect(text).toBe('etats fi');
    expect(offsets).toEqual([2, 4, 5, 6, 7, 8, 10, 10]);
  });
});
