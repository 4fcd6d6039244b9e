import { describe, expect, it } from 'vitest';
import { checkTmx } from '../../test/support/tmx-structure.js';
import { buildTmx, joinUnits, xmlAttribute, xmlText } from './tmx.js';

const header = {
  srcLang: 'en' as const,
  creationDate: new Date('2026-11-25T10:00:00Z'),
  toolVersion: '0.1.0',
};

describe('TMX output', () => {
  it('writes a TMX 1.4b document the DTD structure accepts', () => {
    const tmx = buildTmx(header, [
      {
        id: 'A/RES/55/100#1',
        document: 'A/RES/55/100',
        variants: [
          { lang: 'en', text: 'Respect for the right & <freedom>', eIds: ['title'] },
          { lang: 'zh', text: '对普遍旅行自由权的尊重', eIds: ['title'] },
          { lang: 'ar', text: 'احترام حق الجميع', eIds: ['title'] },
        ],
      },
    ]);
    const checked = checkTmx(tmx);
    expect(checked.header).toMatchObject({
      srclang: 'en',
      segtype: 'paragraph',
      creationdate: '20261125T100000Z',
    });
    expect(checked.units).toEqual([
      {
        id: 'A/RES/55/100#1',
        variants: [
          { lang: 'en', text: 'Respect for the right & <freedom>' },
          { lang: 'zh-Hans', text: '对普遍旅行自由权的尊重' },
          { lang: 'ar', text: 'احترام حق الجميع' },
        ],
      },
    ]);
  });

  it('drops characters XML cannot carry and escapes markup', () => {
    expect(xmlText('a\u0001b\uD800c <d> & e')).toBe('abc &lt;d&gt; &amp; e');
    expect(xmlAttribute('say "x"\n')).toBe('say &quot;x&quot;&#10;');
  });

  it('rejects a unit whose variant lacks a language (the checker is not a rubber stamp)', () => {
    const broken = buildTmx(header, []).replace('<body>', '<body><tu><tuv><seg>x</seg></tuv></tu>');
    expect(() => checkTmx(broken)).toThrow(/xml:lang is required/u);
  });

  it('joins Chinese units without a space and others with one', () => {
    expect(joinUnits(['一', '二'], 'zh')).toBe('一二');
    expect(joinUnits(['One.', 'Two.'], 'fr')).toBe('One. Two.');
  });
});
