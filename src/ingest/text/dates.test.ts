import { describe, expect, it } from 'vitest';
import { LANGUAGE_PROFILES } from '../languages/language-profile.js';
import { parseDateRange, placeOfDateline } from './dates.js';

describe('dates in six languages', () => {
  it.each([
    ['en', 'Geneva, 22 April–3 May 2013', '2013-04-22', '2013-05-03', 'Geneva'],
    ['en', '28 November 2001', '2001-11-28', '2001-11-28', null],
    ['en', 'New York, 18-19 April 2013', '2013-04-18', '2013-04-19', 'New York'],
    ['fr', 'Genève, 22 avril-3 mai 2013', '2013-04-22', '2013-05-03', 'Genève'],
    ['es', 'Ginebra, 22 de abril a 3 de mayo de 2013', '2013-04-22', '2013-05-03', 'Ginebra'],
    ['ru', 'Женева, 22 апреля — 3 мая 2013 года', '2013-04-22', '2013-05-03', 'Женева'],
    ['zh', '2013 年 4 月 22 日至 5 月 3 日，日内瓦', '2013-04-22', '2013-05-03', '日内瓦'],
    ['zh', '2013 年 4 月 18 日至 19 日，日内瓦', '2013-04-18', '2013-04-19', '日内瓦'],
    ['ar', 'جنيف، 22 نيسان/أبريل - 3 أيار/مايو 2013', '2013-04-22', '2013-05-03', 'جنيف'],
    ['ar', '4 كانون الأول/ديسمبر 2000', '2000-12-04', '2000-12-04', null],
    [
      'en',
      'Adopted at the 81st plenary meeting, on 4 December 2000',
      '2000-12-04',
      '2000-12-04',
      null,
    ],
    [
      'ru',
      'Принята на 81-м пленарном заседании 4 декабря 2000 года',
      '2000-12-04',
      '2000-12-04',
      null,
    ],
  ] as const)('%s: %s', (lang, text, start, end, place) => {
    const profile = LANGUAGE_PROFILES[lang];
    expect(parseDateRange(text, profile)).toEqual({ start, end });
    expect(placeOfDateline(text, profile)).toBe(place);
  });

  it('refuses impossible dates and text without one', () => {
    expect(parseDateRange('31 February 2013', LANGUAGE_PROFILES.en)).toBeNull();
    expect(parseDateRange('The States parties reaffirm', LANGUAGE_PROFILES.en)).toBeNull();
    expect(parseDateRange('第二届会议', LANGUAGE_PROFILES.zh)).toBeNull();
  });
});
