import { describe, expect, it } from 'vitest';
import { detectLanguage } from './detect-language.js';

describe('detectLanguage', () => {
  it.each([
    [
      'en',
      'The States parties reaffirm their commitment to the full implementation of the Treaty.',
    ],
    ['fr', 'Les États parties réaffirment leur attachement à la pleine application du Traité.'],
    ['es', 'Los Estados partes reafirman su compromiso con la plena aplicación del Tratado.'],
    [
      'ru',
      'Государства-участники подтверждают свою приверженность полному осуществлению Договора.',
    ],
    ['zh', '五常重申致力于按照《不扩散条约》第六条的规定实现核裁军和普遍彻底裁军的共同目标。'],
    [
      'zh',
      '2013 年 4 月 22 日至 5 月 3 日，日内瓦 NPT/CONF.2015/PC.II/12 第二届会议 五常会议联合声明',
    ],
    ['ar', 'تؤكد الدول الأطراف من جديد التزامها بالتنفيذ الكامل للمعاهدة.'],
  ])('%s', (lang, text) => {
    expect(detectLanguage(text).lang).toBe(lang);
  });

  it('says und, with a reason, for other languages and too little text', () => {
    expect(
      detectLanguage(
        'Die Vertragsstaaten bekräftigen ihre Verpflichtung zur vollständigen Umsetzung des Vertrags.',
      ),
    ).toMatchObject({
      lang: 'und',
      reason: expect.stringContaining('deu') as unknown,
    });
    expect(detectLanguage('12 34')).toMatchObject({
      lang: 'und',
      reason: 'too little text to tell the language',
    });
  });
});

describe('function-word shortcut', () => {
  it('agrees with franc on real paragraphs of A/RES/55/100 in English, French and Spanish', async () => {
    const { readFileSync } = await import('node:fs');
    for (const lang of ['en', 'fr', 'es'] as const) {
      const text = readFileSync(
        new URL(
          `../../../data/samples/un-ga-res-55-100/UN_GA_res55-100.${lang}.txt`,
          import.meta.url,
        ),
        'utf8',
      );
      // Prose paragraphs only: the recorded-vote lines are lists of names, in no language's prose.
      for (const line of text.split('\n').filter((l) => l.length > 300 && !/^[^:]{1,30}:/u.test(l)))
        expect(detectLanguage(line).lang, line.slice(0, 60)).toBe(lang);
    }
  });
});
