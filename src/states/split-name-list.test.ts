import { describe, expect, it } from 'vitest';
import { splitNameList } from './split-name-list.js';

describe('splitNameList', () => {
  it.each([
    ['In favour: Afghanistan, Algeria, Angola.', 'In favour', ['Afghanistan', 'Algeria', 'Angola']],
    ['赞成：阿富汗、阿尔及利亚、安哥拉', '赞成', ['阿富汗', '阿尔及利亚', '安哥拉']],
    [
      'المؤيدون: الاتحاد الروسي، إثيوبيا، الأرجنتين',
      'المؤيدون',
      ['الاتحاد الروسي', 'إثيوبيا', 'الأرجنتين'],
    ],
    ['Против: Соединенные Штаты Америки', 'Против', ['Соединенные Штаты Америки']],
    ['Iran (Islamic Republic of); Iraq', null, ['Iran (Islamic Republic of)', 'Iraq']],
  ])('splits %s', (line, label, names) => {
    expect(splitNameList(line)).toEqual({ label, names });
  });
});
