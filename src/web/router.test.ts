/**
 * Document addresses: the symbol is one encoded path segment, but a symbol typed with its slashes
 * must still find the document, and a trailing language code is read as the language.
 */
import { describe, expect, it } from 'vitest';
import { documentHref } from './document-names.js';
import { parseRoute } from './router.js';

describe('document routes', () => {
  it('reads the list, the upload page and a document with or without language', () => {
    expect(parseRoute('/documents')).toEqual({ page: 'documents' });
    expect(parseRoute('/documents/upload')).toEqual({ page: 'upload' });
    expect(parseRoute('/documents/A%2FRES%2F55%2F100')).toEqual({
      page: 'document',
      id: 'A/RES/55/100',
      lang: undefined,
    });
    expect(parseRoute('/documents/pillars%3A0123456789ab/zh')).toEqual({
      page: 'document',
      id: 'pillars:0123456789ab',
      lang: 'zh',
    });
  });

  it('accepts literal slashes in the symbol', () => {
    expect(parseRoute('/documents/NPT/CONF.2015/PC.II/WP.13/ar')).toEqual({
      page: 'document',
      id: 'NPT/CONF.2015/PC.II/WP.13',
      lang: 'ar',
    });
  });

  it('sends a malformed escape to the not-found page', () => {
    expect(parseRoute('/documents/%E0%A4%A')).toEqual({ page: 'not-found' });
  });

  it('builds addresses the routes read back', () => {
    const href = documentHref('A/RES/55/100', { lang: 'fr', version: 2, eId: 'para_2' });
    expect(href).toBe('/documents/A%2FRES%2F55%2F100/fr?version=2#para_2');
    expect(parseRoute(new URL(href, 'http://x').pathname)).toEqual({
      page: 'document',
      id: 'A/RES/55/100',
      lang: 'fr',
    });
  });
});

describe('treaty routes', () => {
  it('reads the protocols matrix and nothing else under /treaties', () => {
    expect(parseRoute('/treaties/nwfz-protocols')).toEqual({ page: 'nwfz-protocols' });
    expect(parseRoute('/treaties')).toEqual({ page: 'not-found' });
    expect(parseRoute('/treaties/other')).toEqual({ page: 'not-found' });
  });
});

describe('search route', () => {
  it('reads /search, with its query in the parameters, and nothing below it', () => {
    expect(parseRoute('/search')).toEqual({ page: 'search' });
    expect(parseRoute('/search/')).toEqual({ page: 'search' });
    expect(parseRoute(new URL('/search?q=a+year%3A2015&langs=fr', 'http://x').pathname)).toEqual({
      page: 'search',
    });
    expect(parseRoute('/search/more')).toEqual({ page: 'not-found' });
  });

  it('links a search hit to its paragraph in the language version found', () => {
    const href = documentHref('NPT/CONF.2015/WP.13', { lang: 'ar', eId: 'para_6__subpara_b' });
    expect(href).toBe('/documents/NPT%2FCONF.2015%2FWP.13/ar#para_6__subpara_b');
    expect(parseRoute(new URL(href, 'http://x').pathname)).toEqual({
      page: 'document',
      id: 'NPT/CONF.2015/WP.13',
      lang: 'ar',
    });
  });
});
