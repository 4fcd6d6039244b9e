/**
 * Document addresses: the symbol is one encoded path segment, but a symbol typed with its slashes
 * must still find the document, and a trailing language code is read as the language.
 */
import { describe, expect, it } from 'vitest';
import { documentHref } from './document-names.js';
import {
  auditHref,
  compareHref,
  conceptHref,
  evidenceHref,
  glossaryHref,
  monitoringHref,
  parallelAnchor,
  parallelHref,
  parseRoute,
  readCompareQuery,
  readEvidenceQuery,
  readGlossaryQuery,
  readMonitoringQuery,
  readParallelAnchor,
  readParallelQuery,
  loginHref,
  readAuditQuery,
  readLoginNext,
  readReportQuery,
  readReportsQuery,
  reportHref,
  reportsHref,
  safeNext,
} from './router.js';

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

describe('side-by-side route', () => {
  it('reads /parallel, with its document and columns in the parameters, and nothing below it', () => {
    expect(parseRoute('/parallel')).toEqual({ page: 'parallel' });
    expect(parseRoute('/parallel/')).toEqual({ page: 'parallel' });
    expect(parseRoute('/parallel/more')).toEqual({ page: 'not-found' });
  });

  it('builds a readable address that reads back, with the paragraph in the fragment', () => {
    const href = parallelHref({ symbol: 'A/RES/55/100', langs: ['en', 'ar'], anchor: 'para_2' });
    expect(href).toBe('/parallel?symbol=A/RES/55/100&langs=en,ar#para_2');
    const url = new URL(href, 'http://x');
    expect(parseRoute(url.pathname)).toEqual({ page: 'parallel' });
    expect(readParallelQuery(url.searchParams)).toEqual({
      symbol: 'A/RES/55/100',
      langs: ['en', 'ar'],
    });
    // A symbol with characters a query must escape survives the trip.
    const odd = parallelHref({ symbol: 'NPT/CONF.2015/WP.1 & Corr.1', langs: ['fr', 'es'] });
    expect(readParallelQuery(new URL(odd, 'http://x').searchParams).symbol).toBe(
      'NPT/CONF.2015/WP.1 & Corr.1',
    );
  });

  it('keeps valid languages only, each once, three at most', () => {
    const query = new URLSearchParams('symbol=%20A/RES/55/100%20&langs=EN,xx,ar,en,zh,fr');
    expect(readParallelQuery(query)).toEqual({ symbol: 'A/RES/55/100', langs: ['en', 'ar', 'zh'] });
    expect(readParallelQuery(new URLSearchParams(''))).toEqual({ symbol: '', langs: [] });
  });

  it('names a paragraph by its eId in the first column and by lang-eId in the others', () => {
    expect(parallelAnchor(['en', 'ar'], 'en', 'para_2')).toBe('para_2');
    expect(parallelAnchor(['en', 'ar'], 'ar', 'para_2__subpara_b')).toBe('ar-para_2__subpara_b');
    expect(readParallelAnchor(['en', 'ar'], 'para_2')).toEqual({ lang: 'en', eId: 'para_2' });
    expect(readParallelAnchor(['en', 'ar'], 'ar-para_2__subpara_b')).toEqual({
      lang: 'ar',
      eId: 'para_2__subpara_b',
    });
    // A column not shown, or no paragraph at all, is no anchor.
    expect(readParallelAnchor(['en', 'ar'], 'fr-para_2')).toBeUndefined();
    expect(readParallelAnchor(['en', 'ar'], '')).toBeUndefined();
    expect(readParallelAnchor(['en', 'ar'], 'Para 2')).toBeUndefined();
  });
});

describe('comparison route', () => {
  it('reads /compare and nothing below it', () => {
    expect(parseRoute('/compare')).toEqual({ page: 'compare' });
    expect(parseRoute('/compare/x')).toEqual({ page: 'not-found' });
  });

  it('builds an address with versions and languages that reads back', () => {
    const href = compareHref({
      older: 'A/RES/55/100@1',
      newer: ' A/RES/55/100@2 ',
      lang: 'en',
      across: undefined,
    });
    expect(href).toBe('/compare?older=A/RES/55/100@1&newer=A/RES/55/100@2&in=en');
    expect(readCompareQuery(new URL(href, 'http://x').searchParams)).toEqual({
      older: 'A/RES/55/100@1',
      newer: 'A/RES/55/100@2',
      lang: 'en',
      across: undefined,
    });
    expect(readCompareQuery(new URLSearchParams('older=a&newer=b&lang=de&across=ar'))).toEqual({
      older: 'a',
      newer: 'b',
      lang: undefined,
      across: 'ar',
    });
    expect(compareHref({ older: '', newer: '' })).toBe('/compare');
  });
});

describe('monitoring routes', () => {
  it('reads the matrix and the evidence list, and nothing else under /monitoring', () => {
    expect(parseRoute('/monitoring')).toEqual({ page: 'monitoring' });
    expect(parseRoute('/monitoring/')).toEqual({ page: 'monitoring' });
    expect(parseRoute('/monitoring/evidence')).toEqual({ page: 'monitoring-evidence' });
    expect(parseRoute('/monitoring/other')).toEqual({ page: 'not-found' });
    expect(parseRoute('/monitoring/evidence/more')).toEqual({ page: 'not-found' });
  });

  it('builds a matrix address with its filters that reads back', () => {
    const href = monitoringHref({ cycle: 2015, group: 'P5', pillar: 'disarmament' });
    expect(href).toBe('/monitoring?cycle=2015&group=P5&pillar=disarmament');
    const url = new URL(href, 'http://x');
    expect(parseRoute(url.pathname)).toEqual({ page: 'monitoring' });
    expect(readMonitoringQuery(url.searchParams)).toEqual({
      cycle: 2015,
      group: 'P5',
      pillar: 'disarmament',
    });
    expect(monitoringHref()).toBe('/monitoring');
    expect(monitoringHref({ pillar: 'middle-east' })).toBe('/monitoring?pillar=middle-east');
  });

  it('drops filters the API would refuse rather than sending them', () => {
    expect(readMonitoringQuery(new URLSearchParams('cycle=15&group=p5&pillar=weapons'))).toEqual({
      cycle: undefined,
      group: 'P5',
      pillar: undefined,
    });
    expect(readMonitoringQuery(new URLSearchParams('cycle=2200&group=a%20b'))).toEqual({
      cycle: undefined,
      group: undefined,
      pillar: undefined,
    });
  });

  it('builds the address of a cell’s evidence that reads back', () => {
    const href = evidenceHref({ action: 'AP2010-A11', state: 'FRA', cycle: 2015 });
    expect(href).toBe('/monitoring/evidence?action=AP2010-A11&state=FRA&cycle=2015');
    const url = new URL(href, 'http://x');
    expect(parseRoute(url.pathname)).toEqual({ page: 'monitoring-evidence' });
    expect(readEvidenceQuery(url.searchParams)).toEqual({
      action: 'AP2010-A11',
      state: 'FRA',
      cycle: 2015,
      status: undefined,
    });
    expect(evidenceHref({ action: 'AP2010-ME', status: 'rejected' })).toBe(
      '/monitoring/evidence?action=AP2010-ME&status=rejected',
    );
  });

  it('reads an empty status as “suggested and confirmed” and a State in any case', () => {
    expect(
      readEvidenceQuery(new URLSearchParams('action=11&state=fra&cycle=2015&status=')),
    ).toEqual({ action: '11', state: 'FRA', cycle: 2015, status: undefined });
    expect(readEvidenceQuery(new URLSearchParams('state=France&status=maybe'))).toEqual({
      action: undefined,
      state: undefined,
      cycle: undefined,
      status: undefined,
    });
  });
});

describe('glossary routes', () => {
  it('reads the glossary and a concept, and nothing below a concept', () => {
    expect(parseRoute('/glossary')).toEqual({ page: 'glossary' });
    expect(parseRoute('/glossary/')).toEqual({ page: 'glossary' });
    expect(parseRoute('/glossary/additional-protocol')).toEqual({
      page: 'glossary-concept',
      id: 'additional-protocol',
    });
    expect(parseRoute(new URL(conceptHref('fmct'), 'http://x').pathname)).toEqual({
      page: 'glossary-concept',
      id: 'fmct',
    });
    expect(parseRoute('/glossary/fmct/history')).toEqual({ page: 'not-found' });
    expect(parseRoute('/glossary/%E0%A4%A')).toEqual({ page: 'not-found' });
  });

  it('keeps the search, domain, A–Z language and letter in the query, and reads them back', () => {
    expect(glossaryHref()).toBe('/glossary');
    const href = glossaryHref({ q: '禁产 条约', domain: 'safeguards', az: 'ru', letter: 'Д' });
    expect(href).toBe(
      '/glossary?q=%E7%A6%81%E4%BA%A7%20%E6%9D%A1%E7%BA%A6&domain=safeguards&az=ru&letter=%D0%94',
    );
    const url = new URL(href, 'http://x');
    expect(parseRoute(url.pathname)).toEqual({ page: 'glossary' });
    expect(readGlossaryQuery(url.searchParams)).toEqual({
      q: '禁产 条约',
      domain: 'safeguards',
      az: 'ru',
      letter: 'Д',
    });
    // The A–Z language is `az`: `lang` would set the reader's UI language.
    expect(glossaryHref({ az: 'fr' })).not.toContain('lang=');
  });

  it('drops unknown domains and languages, and keeps a letter short', () => {
    expect(readGlossaryQuery(new URLSearchParams('domain=weapons&az=xx&letter=ABCD&q='))).toEqual({
      q: undefined,
      domain: undefined,
      az: undefined,
      letter: 'AB',
    });
    expect(readGlossaryQuery(new URLSearchParams('az=AR&letter=%20ب%20'))).toMatchObject({
      az: 'ar',
      letter: 'ب',
    });
  });
});

describe('account routes', () => {
  it('reads the login page and the audit log, and nothing else under /admin', () => {
    expect(parseRoute('/login')).toEqual({ page: 'login' });
    expect(parseRoute('/login/x')).toEqual({ page: 'not-found' });
    expect(parseRoute('/admin/audit')).toEqual({ page: 'audit' });
    expect(parseRoute('/admin')).toEqual({ page: 'not-found' });
    expect(parseRoute('/admin/users')).toEqual({ page: 'not-found' });
  });

  it('returns from the login page to a page of this site, never elsewhere', () => {
    expect(safeNext('/reports?cycle=2026#mine')).toBe('/reports?cycle=2026#mine');
    expect(safeNext('/parallel?symbol=A/RES/55/100&langs=en,ar#ar-para_3')).toBe(
      '/parallel?symbol=A/RES/55/100&langs=en,ar#ar-para_3',
    );
    for (const outside of [
      'https://evil.example/',
      '//evil.example/x',
      '/\\evil.example',
      'javascript:alert(1)',
      'reports',
      '',
      null,
      undefined,
    ])
      expect(safeNext(outside), String(outside)).toBe('/');
    // Back to the login page would be a loop.
    expect(safeNext('/login?next=/reports')).toBe('/');
  });

  it('builds a login address that reads back', () => {
    const href = loginHref('/documents/upload');
    expect(href).toBe('/login?next=%2Fdocuments%2Fupload');
    const url = new URL(href, 'http://x');
    expect(parseRoute(url.pathname)).toEqual({ page: 'login' });
    expect(readLoginNext(url.searchParams)).toBe('/documents/upload');
    expect(loginHref('/')).toBe('/login');
    expect(loginHref('//evil.example')).toBe('/login');
  });

  it('keeps the audit filters and page in the address', () => {
    const href = auditHref({ actor: 'fr-delegate', action: 'report.submit', page: 2 });
    expect(href).toBe('/admin/audit?actor=fr-delegate&action=report.submit&page=2');
    expect(readAuditQuery(new URL(href, 'http://x').searchParams)).toEqual({
      actor: 'fr-delegate',
      action: 'report.submit',
      target: undefined,
      page: 2,
    });
    expect(auditHref({ page: 1 })).toBe('/admin/audit');
    expect(readAuditQuery(new URLSearchParams('page=-3&actor=%20'))).toEqual({
      actor: undefined,
      action: undefined,
      target: undefined,
      page: undefined,
    });
  });
});

describe('report routes', () => {
  it('reads the list and one report, and nothing below a report', () => {
    expect(parseRoute('/reports')).toEqual({ page: 'reports' });
    expect(parseRoute('/reports/6f1c2a8e-1d2b-4c3d-9e8f-0a1b2c3d4e5f')).toEqual({
      page: 'report',
      id: '6f1c2a8e-1d2b-4c3d-9e8f-0a1b2c3d4e5f',
    });
    expect(parseRoute('/reports/x/edit')).toEqual({ page: 'not-found' });
  });

  it('keeps the list’s filters in the address and drops those the API would refuse', () => {
    const href = reportsHref({ cycle: '2026', state: 'FRA' });
    expect(href).toBe('/reports?cycle=2026&state=FRA');
    expect(readReportsQuery(new URL(href, 'http://x').searchParams)).toEqual({
      cycle: '2026',
      state: 'FRA',
    });
    expect(readReportsQuery(new URLSearchParams('cycle=1995&state=fra'))).toEqual({
      cycle: undefined,
      state: 'FRA',
    });
    expect(reportsHref()).toBe('/reports');
  });

  it('addresses a version, a comparison of versions, or one with another report', () => {
    expect(reportHref('r1', { from: 1, to: 2 })).toBe('/reports/r1?from=1&to=2');
    expect(reportHref('r1', { against: 'r0' })).toBe('/reports/r1?against=r0');
    expect(reportHref('r1', { version: 3 })).toBe('/reports/r1?version=3');
    expect(readReportQuery(new URLSearchParams('from=1&to=2'))).toEqual({
      version: undefined,
      from: 1,
      to: 2,
      against: undefined,
    });
    expect(readReportQuery(new URLSearchParams('version=0&against=a%20b'))).toEqual({
      version: undefined,
      from: undefined,
      to: undefined,
      against: undefined,
    });
  });
});
