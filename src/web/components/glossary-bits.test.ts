/**
 * Which language a concept summary's definition is in (the API falls back to English without
 * saying so), and which preferred term a view shows.
 */
import { describe, expect, it } from 'vitest';
import { pickPreferred, summaryDefinitionLang } from './glossary-bits.js';

describe('summaryDefinitionLang', () => {
  it('tells Chinese, Arabic and Russian from English by their script', () => {
    expect(summaryDefinitionLang('以国际原子能机构INFCIRC/540号文件范本为基础', 'zh')).toBe('zh');
    expect(summaryDefinitionLang('A protocol, based on the model in INFCIRC/540', 'zh')).toBe('en');
    expect(summaryDefinitionLang('بروتوكول إضافي', 'ar')).toBe('ar');
    expect(summaryDefinitionLang('A treaty', 'ru')).toBe('en');
    expect(summaryDefinitionLang('Договор о нераспространении', 'ru')).toBe('ru');
  });

  it('tells French and Spanish from English by their function words', () => {
    const english = 'A protocol that a State concludes in addition to its safeguards agreement.';
    expect(summaryDefinitionLang(english, 'fr')).toBe('en');
    expect(summaryDefinitionLang(english, 'es')).toBe('en');
    expect(
      summaryDefinitionLang(
        'Un protocole que conclut un État en plus de son accord de garanties.',
        'fr',
      ),
    ).toBe('fr');
    expect(
      summaryDefinitionLang(
        'Un protocolo que concierta un Estado además de su acuerdo de salvaguardias.',
        'es',
      ),
    ).toBe('es');
    expect(summaryDefinitionLang('Anything', 'en')).toBe('en');
  });
});

describe('pickPreferred', () => {
  it('gives the language asked for, else English marked as a fallback', () => {
    const preferred = { en: 'Additional Protocol', zh: '附加议定书' };
    expect(pickPreferred(preferred, 'zh')).toEqual({
      text: '附加议定书',
      lang: 'zh',
      fallback: false,
    });
    expect(pickPreferred(preferred, 'ar')).toEqual({
      text: 'Additional Protocol',
      lang: 'en',
      fallback: true,
    });
    expect(pickPreferred({ ru: 'ДП' }, 'fr')).toEqual({ text: 'ДП', lang: 'ru', fallback: true });
    expect(pickPreferred({}, 'fr')).toBeUndefined();
  });
});
