import { describe, expect, it } from 'vitest';
import type { Segment } from '../../domain/documents.js';
import { parseXml, textContent, type XmlElement } from '../formats/xml-guard-parse.js';
import { exportAkn, printedNum, type AknExportInput } from './akn-export.js';
import { aknIris } from './akn-iri.js';

const base: AknExportInput = {
  symbol: 'NPT/CONF.2015/PC.II/WP.13',
  workId: 'NPT/CONF.2015/PC.II/WP.13',
  lang: 'en',
  revision: '',
  version: 1,
  title: 'Working paper submitted by Egypt',
  date: '2015-04-22',
  sha256: 'ab'.repeat(32),
  segments: [
    { eId: 'title', kind: 'title', num: null, text: 'Working paper' },
    { eId: 'para_6', kind: 'paragraph', num: '6', text: 'The Conference <reaffirms> & "notes".' },
  ],
};

function find(node: XmlElement, local: string): XmlElement | undefined {
  for (const child of node.children) {
    if (typeof child === 'string') continue;
    if (child.local === local) return child;
    const deeper = find(child, local);
    if (deeper) return deeper;
  }
  return undefined;
}

describe('aknIris', () => {
  it('follows the AKN4UN pattern /akn/un/doc/{actor}/{date}/{number}', () => {
    expect(aknIris(base)).toEqual({
      work: '/akn/un/doc/npt-conf/2015-04-22/npt-conf-2015-pc-ii-wp-13',
      expression: '/akn/un/doc/npt-conf/2015-04-22/npt-conf-2015-pc-ii-wp-13/eng@v1',
      manifestation: '/akn/un/doc/npt-conf/2015-04-22/npt-conf-2015-pc-ii-wp-13/eng@v1.akn',
      actor: 'npt-conf',
    });
  });

  it('falls back to the symbol year, then "nd"; a revision and version mark the expression', () => {
    expect(
      aknIris({ ...base, date: null, lang: 'zh', revision: 'Rev.1', version: 2 }).expression,
    ).toBe('/akn/un/doc/npt-conf/2015/npt-conf-2015-pc-ii-wp-13/zho@rev-1;v2');
    expect(aknIris({ ...base, symbol: 'A/RES/55/100', date: null }).work).toBe(
      '/akn/un/doc/unga/nd/a-res-55-100',
    );
    expect(
      aknIris({ ...base, symbol: null, workId: 'pillars:0a1b2c3d4e5f', date: null, lang: 'ar' }),
    ).toEqual({
      work: '/akn/un/doc/nd/pillars-0a1b2c3d4e5f',
      expression: '/akn/un/doc/nd/pillars-0a1b2c3d4e5f/ara@v1',
      manifestation: '/akn/un/doc/nd/pillars-0a1b2c3d4e5f/ara@v1.akn',
      actor: null,
    });
  });
});

describe('exportAkn', () => {
  it('writes an AKN 3.0 document with FRBR identification, preface and segments', () => {
    const xml = exportAkn({ ...base, revision: 'Rev.1' });
    const root = parseXml(xml);
    expect(root.name).toBe('akomaNtoso');
    expect(root.attrs['xmlns']).toBe('http://docs.oasis-open.org/legaldocml/ns/akn/3.0');
    const doc = find(root, 'doc')!;
    expect(doc.attrs).toEqual({ name: 'workingPaper', 'xml:lang': 'en' });
    expect(find(root, 'identification')?.attrs['source']).toBe('#pillars');
    expect(find(find(root, 'FRBRExpression')!, 'FRBRlanguage')?.attrs['language']).toBe('eng');
    expect(find(find(root, 'FRBRWork')!, 'FRBRthis')?.attrs['value']).toBe(
      '/akn/un/doc/npt-conf/2015-04-22/npt-conf-2015-pc-ii-wp-13/!main',
    );
    expect(find(find(root, 'FRBRManifestation')!, 'FRBRthis')?.attrs['value']).toBe(
      '/akn/un/doc/npt-conf/2015-04-22/npt-conf-2015-pc-ii-wp-13/eng@rev-1;v1/!main.xml',
    );
    expect(textContent(find(root, 'docNumber')!)).toBe('NPT/CONF.2015/PC.II/WP.13/Rev.1');
    expect(textContent(find(root, 'docTitle')!)).toBe('Working paper submitted by Egypt');
    expect(find(root, 'expression')?.attrs).toMatchObject({
      sourceSha256: 'ab'.repeat(32),
      version: '1',
    });
    expect(xml).toContain('<paragraph eId="para_6">');
    expect(xml).toContain('<num>6.</num>');
    expect(xml).toContain('<p>The Conference &lt;reaffirms&gt; &amp; "notes".</p>');
  });

  it('is deterministic', () => {
    expect(exportAkn(base)).toBe(exportAkn(base));
  });

  it('refuses text XML cannot carry, and bad or reserved eIds, rather than altering them', () => {
    const bad = (segment: Segment) => () => exportAkn({ ...base, segments: [segment] });
    expect(bad({ eId: 'p_1', kind: 'paragraph', num: null, text: 'a\u0001b' })).toThrow(/U\+0001/u);
    expect(bad({ eId: 'p_1', kind: 'paragraph', num: null, text: 'a\ud800b' })).toThrow(/U\+D800/u);
    expect(bad({ eId: 'P-1', kind: 'paragraph', num: null, text: 'x' })).toThrow(/eId "P-1"/u);
    expect(bad({ eId: 'pillars', kind: 'paragraph', num: null, text: 'x' })).toThrow(/reserved/u);
  });

  it('prints numbers with the full stop they are printed with', () => {
    expect(['6', 'IV', '(a)', 'a)', '', '6.'].map(printedNum)).toEqual([
      '6.',
      'IV.',
      '(a)',
      'a)',
      '',
      '6..',
    ]);
  });
});
