import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEGMENT_KINDS, type Segment, type SegmentKind } from '../../domain/documents.js';
import { LANGUAGES, type Lang } from '../../domain/language-codes.js';
import { DEFAULT_LIMITS, type BlockKind, type ExtractedDocument } from '../extracted-document.js';
import { exportAkn, type AknExportInput } from './akn-export.js';
import { extractAkn } from './akn-import.js';

/** BlockKind has no sub-paragraph: it comes back as a paragraph whose eId says what it is. */
const BLOCK_KIND: Record<SegmentKind, BlockKind> = {
  title: 'title',
  heading: 'heading',
  paragraph: 'paragraph',
  subparagraph: 'paragraph',
  'list-item': 'list-item',
  footnote: 'footnote',
};

const roundTrip = async (input: AknExportInput): Promise<ExtractedDocument> =>
  extractAkn(Buffer.from(exportAkn(input)), DEFAULT_LIMITS);

const comparable = (segments: readonly Segment[]) =>
  segments.map((s) => ({ eId: s.eId, kind: BLOCK_KIND[s.kind], num: s.num, text: s.text }));

const asSegments = (doc: ExtractedDocument) =>
  doc.blocks.map((b) => ({ eId: b.eId, kind: b.kind, num: b.num ?? null, text: b.text }));

const TEXTS: Record<Lang, [string, string, string]> = {
  en: [
    'Nuclear disarmament',
    'The Conference notes that 5 < 6 & "all" States\'s obligations…',
    'See <NPT/CONF.2010/50>.',
  ],
  fr: [
    'Désarmement nucléaire',
    'La Conférence « réaffirme » que l’article VI & l’AIEA…',
    'Voir NPT/CONF.2010/50.',
  ],
  es: [
    'Desarme nuclear',
    'La Conferencia reafirma que el artículo VI <y> el OIEA…',
    'Véase el párrafo 6.',
  ],
  ru: [
    'Ядерное разоружение',
    'Конференция «подтверждает», что статья VI & МАГАТЭ…',
    'См. пункт 6.',
  ],
  ar: [
    'نزع السلاح النووي',
    'يؤكد المؤتمر من جديد أن المادة السادسة <و> الوكالة & "الدول"…',
    'انظر الفقرة 6.',
  ],
  zh: ['核裁军', '会议重申，第六条＆原子能机构（“各国”）：<全面>。', '见第6段。'],
};

const fixture = (lang: Lang): AknExportInput => {
  const [heading, paragraph, note] = TEXTS[lang];
  return {
    symbol: 'NPT/CONF.2015/PC.II/WP.13',
    workId: 'NPT/CONF.2015/PC.II/WP.13',
    lang,
    revision: 'Corr.1',
    version: 3,
    title: `${heading} & <title>`,
    date: '2015-04-22',
    sha256: '0'.repeat(64),
    segments: [
      { eId: 'title', kind: 'title', num: null, text: heading },
      { eId: 'hcontainer_1', kind: 'heading', num: 'IV', text: heading },
      { eId: 'para_6', kind: 'paragraph', num: '6', text: paragraph },
      { eId: 'para_6__subpara_a', kind: 'subparagraph', num: '(a)', text: `${paragraph} ]]> end` },
      { eId: 'para_6__subpara_a__point_i', kind: 'subparagraph', num: '(i)', text: 'x' },
      { eId: 'p_1', kind: 'paragraph', num: null, text: `  ${paragraph}`.trim() },
      { eId: 'item_1', kind: 'list-item', num: null, text: heading },
      { eId: 'item_2', kind: 'list-item', num: 'b', text: paragraph },
      { eId: 'fn_1', kind: 'footnote', num: '1', text: note },
      { eId: 'fn_2', kind: 'footnote', num: '*', text: note },
    ],
  };
};

describe('AKN round trip', () => {
  it.each(LANGUAGES)('keeps eIds, kinds, numbers and texts in %s', async (lang) => {
    const input = fixture(lang);
    const doc = await roundTrip(input);
    expect(asSegments(doc)).toEqual(comparable(input.segments));
    expect(doc.metadata).toEqual({
      symbol: 'NPT/CONF.2015/PC.II/WP.13/Corr.1',
      lang,
      title: `${TEXTS[lang][0]} & <title>`,
      date: '2015-04-22',
    });
    expect(doc.warnings).toEqual([]);
  });

  it('holds for any segment list (property)', async () => {
    const xmlSafe = (cp: number) =>
      cp === 0x09 ||
      (cp >= 0x20 && cp <= 0xd7ff) ||
      (cp >= 0xe000 && cp <= 0xfffd) ||
      cp >= 0x10000;
    const unit = fc.oneof(
      fc.constantFrom(
        '<',
        '>',
        '&',
        '"',
        "'",
        ' ',
        ' ',
        ']]>',
        '&amp;',
        '&#65;',
        'ا',
        '中',
        'я',
        'é',
        '\u00a0',
        '\t',
      ),
      fc
        .integer({ min: 0x20, max: 0x10ffff })
        .filter(xmlSafe)
        .map((cp) => String.fromCodePoint(cp)),
    );
    // Texts as the segmenter makes them: NFC, one line, no space at either end.
    const text = fc
      .string({ unit, minLength: 1, maxLength: 30 })
      .map((s) => s.normalize('NFC').replace(/^[ \t]+|[ \t]+$/gu, ''))
      .filter((s) => s !== '');
    const num = fc.option(fc.oneof(fc.constantFrom('6', '(a)', 'IV', 'a)', '6.', ''), text), {
      nil: null,
    });
    const segments = fc
      .uniqueArray(fc.stringMatching(/^[a-z][a-z0-9_]{0,10}$/u), { maxLength: 20 })
      .chain((eIds) =>
        fc.tuple(
          ...eIds
            .filter((e) => e !== 'pillars' && e !== 'unga')
            .map((eId) =>
              fc.record({
                eId: fc.constant(eId),
                kind: fc.constantFrom(...SEGMENT_KINDS),
                num,
                text,
              }),
            ),
        ),
      );
    await fc.assert(
      fc.asyncProperty(segments, fc.constantFrom(...LANGUAGES), async (list, lang) => {
        const input = { ...fixture(lang), symbol: 'A/RES/55/100', segments: list as Segment[] };
        expect(asSegments(await roundTrip(input))).toEqual(comparable(list as Segment[]));
      }),
      { numRuns: 150 },
    );
  });
});

describe('extractAkn refuses', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pillars-xxe-'));
  const secretPath = join(dir, 'secret.txt');
  writeFileSync(secretPath, 'TOP-SECRET-CONTENT');
  let requests = 0;
  const server = createServer((_request, response) => {
    requests++;
    response.end('<!ENTITY leak "LEAKED">');
  });
  let base = '';
  beforeAll(async () => {
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    [
      'a file entity',
      (b: string) =>
        `<!DOCTYPE akomaNtoso [<!ENTITY xxe SYSTEM "file://${secretPath}">]>\n<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><doc name="x"><mainBody><p>&xxe;</p></mainBody></doc></akomaNtoso>`.replace(
          '$B',
          b,
        ),
    ],
    [
      'an external DTD',
      (b: string) => `<!DOCTYPE akomaNtoso SYSTEM "${b}/evil.dtd">\n<akomaNtoso/>`,
    ],
    [
      'a parameter entity',
      (b: string) => `<!DOCTYPE r [<!ENTITY % p SYSTEM "${b}/p.dtd"> %p;]>\n<r>&leak;</r>`,
    ],
    [
      'billion laughs',
      () =>
        `<!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>\n<r>&b;</r>`,
    ],
  ])('XXE via %s, reading and fetching nothing', async (_name, payload) => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>\n${payload(base)}`;
    const error: unknown = await extractAkn(Buffer.from(xml), DEFAULT_LIMITS).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({
      code: 'forbidden_xml',
      message: 'a DOCTYPE declaration is not allowed (line 2)',
    });
    expect(JSON.stringify(error)).not.toMatch(/TOP-SECRET|LEAKED/u);
    expect(requests).toBe(0);
  });

  it('an entity reference without its DOCTYPE', async () => {
    const xml =
      '<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><doc name="x"><mainBody><p>&xxe;</p></mainBody></doc></akomaNtoso>';
    await expect(extractAkn(Buffer.from(xml), DEFAULT_LIMITS)).rejects.toMatchObject({
      code: 'invalid_xml',
    });
  });

  it('XML that is not Akoma Ntoso, and files that are not XML', async () => {
    const mismatch = { code: 'format_mismatch' };
    await expect(
      extractAkn(Buffer.from('<html><body/></html>'), DEFAULT_LIMITS),
    ).rejects.toMatchObject(mismatch);
    await expect(
      extractAkn(Buffer.from('<akomaNtoso xmlns="urn:other"><doc/></akomaNtoso>'), DEFAULT_LIMITS),
    ).rejects.toMatchObject(mismatch);
    await expect(extractAkn(Buffer.from('%PDF-1.7 binary'), DEFAULT_LIMITS)).rejects.toMatchObject(
      mismatch,
    );
    await expect(
      extractAkn(
        Buffer.from(
          '<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><meta/></akomaNtoso>',
        ),
        DEFAULT_LIMITS,
      ),
    ).rejects.toMatchObject(mismatch);
  });

  it('malformed XML, with the line', async () => {
    const xml =
      '<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">\n<doc name="x">\n<mainBody><p>text</mainBody></doc></akomaNtoso>';
    await expect(extractAkn(Buffer.from(xml), DEFAULT_LIMITS)).rejects.toMatchObject({
      code: 'invalid_xml',
      message: expect.stringMatching(/\(line 3\)$/u) as unknown,
    });
  });
});

describe('extractAkn on Akoma Ntoso from elsewhere', () => {
  it('reads hierarchy, preamble, inline notes and pretty-printed text', async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<an:akomaNtoso xmlns:an="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">
  <an:act name="treaty">
    <an:meta><an:identification source="#x">
      <an:FRBRWork><an:FRBRthis value="/akn/un/act/1968-07-01/npt/!main"/><an:FRBRuri value="/akn/un/act/1968-07-01/npt"/>
        <an:FRBRdate date="1968-07-01" name="signature"/><an:FRBRauthor href="#un"/><an:FRBRcountry value="un"/></an:FRBRWork>
      <an:FRBRExpression><an:FRBRlanguage language="fre"/></an:FRBRExpression>
    </an:identification></an:meta>
    <an:preface><an:p><an:docTitle>Traité sur la non-prolifération</an:docTitle></an:p></an:preface>
    <an:preamble>
      <an:p>Les États qui concluent le présent Traité,</an:p>
      <an:recitals><an:recital eId="rec_1"><an:p>Considérant les ravages</an:p></an:recital></an:recitals>
    </an:preamble>
    <an:body>
      <an:article eId="art_1"><an:num>Article premier</an:num><an:heading>Non-transfert</an:heading>
        <an:paragraph eId="art_1__para_1"><an:num>1.</an:num><an:content><an:p>
          Tout État doté<an:authorialNote marker="*" eId="fn_a"><an:p>Une note.</an:p></an:authorialNote>
          s’engage  à ne transférer
        </an:p></an:content></an:paragraph>
      </an:article>
      <an:article eId="art-6"><an:num>Article VI</an:num><an:content><an:p>Chacune des Parties</an:p></an:content></an:article>
    </an:body>
  </an:act>
</an:akomaNtoso>`;
    const doc = await extractAkn(Buffer.from(xml), DEFAULT_LIMITS);
    expect(doc.blocks).toEqual([
      { kind: 'paragraph', text: 'Les États qui concluent le présent Traité,' },
      { kind: 'paragraph', eId: 'rec_1', text: 'Considérant les ravages' },
      { kind: 'heading', eId: 'art_1', num: 'Article premier', level: 1, text: 'Non-transfert' },
      {
        kind: 'paragraph',
        eId: 'art_1__para_1',
        num: '1',
        text: 'Tout État doté s’engage  à ne transférer',
      },
      { kind: 'footnote', eId: 'fn_a', num: '*', text: 'Une note.' },
      { kind: 'paragraph', num: 'Article VI', text: 'Chacune des Parties' },
    ]);
    expect(doc.metadata).toEqual({
      lang: 'fr',
      title: 'Traité sur la non-prolifération',
      date: '1968-07-01',
    });
    expect(doc.warnings).toEqual([expect.stringContaining('"art-6"') as unknown]);
  });
});
