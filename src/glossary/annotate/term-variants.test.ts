import { describe, expect, it } from 'vitest';
import { foldText } from './term-fold.js';
import { isCapitalsWord, termCore, termVariants } from './term-variants.js';

const folded = (text: string, lang: Parameters<typeof termVariants>[1]) =>
  termVariants(text, lang).map(foldText);

describe('termVariants', () => {
  it('keeps the term first and adds nothing for Chinese, verbs or non-English abbreviations', () => {
    expect(termVariants('核武器', 'zh')).toEqual(['核武器']);
    expect(termVariants('МАГАТЭ', 'ru', { type: 'abbreviation' })).toEqual(['МАГАТЭ']);
    expect(termVariants('ratify', 'en', { partOfSpeech: 'verb' })).toEqual(['ratify']);
    expect(termVariants('NWFZ', 'en', { type: 'abbreviation' })).toEqual(['NWFZ', 'NWFZs']);
  });

  it('declines Russian noun phrases: the head group only', () => {
    const forms = folded('Договор о нераспространении ядерного оружия', 'ru');
    expect(forms).toContain(foldText('Договора о нераспространении ядерного оружия'));
    expect(forms).toContain(foldText('Договорах о нераспространении ядерного оружия'));
    expect(forms.every((f) => f.endsWith('о нераспространении ядерного оружия'))).toBe(true);
    expect(folded('всеобщее и полное разоружение', 'ru')).toContain(
      foldText('всеобщего и полного разоружения'),
    );
    expect(folded('расщепляющийся материал', 'ru')).toContain(
      foldText('расщепляющегося материала'),
    );
    expect(folded('гарантии МАГАТЭ', 'ru')).toContain(foldText('гарантиями МАГАТЭ'));
    expect(folded('гонка вооружений', 'ru')).toContain(foldText('гонок вооружений'));
    expect(folded('мир, свободный от ядерного оружия', 'ru')).toContain(
      foldText('мира, свободного от ядерного оружия'),
    );
    expect(folded('незаявленный ядерный материал и деятельность', 'ru')).toContain(
      foldText('незаявленного ядерного материала и деятельности'),
    );
    // A term in the genitive ("двойного назначения") has no head to decline.
    expect(termVariants('двойного назначения', 'ru')).toEqual(['двойного назначения']);
  });

  it('puts French, Spanish and English heads in the plural', () => {
    expect(termVariants("État doté d'armes nucléaires", 'fr')).toContain(
      "États dotés d'armes nucléaires",
    );
    expect(termVariants('désarmement général et complet', 'fr')).toContain(
      'désarmements généraux et complets',
    );
    expect(termVariants('zona libre de armas nucleares', 'es')).toContain(
      'zonas libres de armas nucleares',
    );
    expect(termVariants('verificación', 'es')).toContain('verificaciones');
    expect(termVariants('weapon of mass destruction', 'en')).toContain(
      'weapons of mass destruction',
    );
    expect(termVariants('non-proliferation', 'en')).toContain('nonproliferation');
  });

  it('gives Arabic definite, indefinite, plural, dual and لل forms', () => {
    const forms = termVariants('الجلسة العامة', 'ar');
    for (const f of ['جلسة عامة', 'للجلسة العامة', 'الجلسات العامة', 'الجلستين العامتين']) {
      expect(forms).toContain(f);
    }
    expect(termVariants('سلاح نووي', 'ar')).toContain('السلاح النووي');
    expect(termVariants('دولة غير حائزة للأسلحة النووية', 'ar')).toContain(
      'الدولة غير الحائزة للأسلحة النووية',
    );
  });
});

describe('termCore and isCapitalsWord', () => {
  it('strips brackets and quotes around a term', () => {
    expect(termCore('《不扩散核武器条约》')).toBe('不扩散核武器条约');
    expect(termCore('«пятерка»')).toBe('пятерка');
  });

  it('recognises abbreviations', () => {
    expect(['NPT', 'МАГАТЭ', 'CBMs', 'II'].map(isCapitalsWord)).toEqual([true, true, true, true]);
    expect(['Pu', 'I', 'Treaty', 'npt'].map(isCapitalsWord)).toEqual([false, false, false, false]);
  });
});
