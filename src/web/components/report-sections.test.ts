import { describe, expect, it } from 'vitest';
import { paragraphsOf } from './report-sections.js';

describe('report paragraphs', () => {
  it('splits on blank lines and keeps single line breaks inside a paragraph', () => {
    expect(paragraphsOf('One.\nStill one.\n\n  \nTwo.\n\n\n')).toEqual([
      'One.\nStill one.',
      'Two.',
    ]);
    expect(paragraphsOf('')).toEqual([]);
    expect(paragraphsOf(' \n \n')).toEqual([]);
  });
});
