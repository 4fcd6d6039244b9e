/**
 * @module An expression's segments as an Akoma Ntoso 3.0 document, written with xmlbuilder2
 * (which does the escaping). Segments stay flat, in order, each element carrying the segment's
 * eId, so the export never claims a hierarchy the segmenter did not establish and import gives
 * back exactly the list it was given:
 *
 *   title        <hcontainer name="title" eId><num/>?<heading>…</heading></hcontainer>
 *   heading      <hcontainer name="heading" eId><num/>?<heading>…</heading></hcontainer>
 *   paragraph    <paragraph eId><num>6.</num><content><p>…</p></content></paragraph>
 *   subparagraph <subparagraph eId><num>(a)</num><content><p>…</p></content></subparagraph>
 *   list-item    <blockList><item eId><num/>?<p>…</p></item>…</blockList> (consecutive items)
 *   footnote     <p><authorialNote eId marker placement="bottom"><p>…</p></authorialNote></p>
 *
 * Footnotes stay where the segment list has them (usually the end) as AKN's own footnote
 * element, rather than in <attachments>, which would make them separate documents. A `<num>`
 * holds the number as printed: a full stop is added after a number that ends in a letter, digit
 * or full stop ("6" → "6.", "(a)" unchanged), and import removes exactly one.
 *
 * The output is deterministic (no generation timestamp), so the same expression always exports
 * to the same bytes; FRBRdate is written only where the document's own date is known.
 */
import { create } from 'xmlbuilder2';
import type { Segment } from '../../domain/documents.js';
import type { Lang } from '../../domain/language-codes.js';
import { AKN_NAMESPACE, ISO639_2, actorName, aknIris, docNameOf } from './akn-iri.js';

export interface AknExportInput {
  symbol: string | null;
  workId: string;
  lang: Lang;
  revision: string;
  version: number;
  title: string | null;
  date: string | null;
  sha256: string;
  segments: readonly Segment[];
}

/** Where Pillars keeps what AKN has no element for (the source file's hash, our ids). */
export const PILLARS_NAMESPACE = 'urn:pillars:akn:1';
type XMLBuilder = ReturnType<typeof create>;
const NOT_XML_CHAR = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u;
const EID = /^[a-z][a-z0-9_]*$/u;

/**
 * xmlbuilder2 leaves an "&" that already starts an entity or character reference unescaped (so
 * the text "&amp;" would come back as "&"); escaping every "&" first makes it write text as is.
 * In attributes, tabs and line breaks become references too, or a parser would turn them into
 * spaces (XML attribute-value normalization).
 */
function text(value: string): string {
  return value.replace(/&/gu, '&amp;').replace(/\r/gu, '&#13;');
}

function attr(value: string): string {
  return text(value).replace(/\t/gu, '&#9;').replace(/\n/gu, '&#10;');
}

/** The number as printed in `<num>`: see the module comment. */
export function printedNum(num: string): string {
  return /[\p{L}\p{N}.]$/u.test(num) ? `${num}.` : num;
}

function check(value: string, what: string): string {
  const bad = NOT_XML_CHAR.exec(value);
  if (bad) {
    const cp = bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    // xmlbuilder2 would silently drop or replace it; an export must not change the text.
    throw new Error(`${what} contains U+${cp}, which XML 1.0 cannot carry`);
  }
  return value;
}

function numAndHeading(parent: XMLBuilder, segment: Segment): void {
  if (segment.num !== null) parent.ele('num').txt(text(printedNum(segment.num)));
  parent.ele('heading').txt(text(segment.text));
}

function writeSegment(
  body: XMLBuilder,
  segment: Segment,
  list: XMLBuilder | null,
): XMLBuilder | null {
  check(segment.text, `segment ${segment.eId}`);
  if (segment.num !== null) check(segment.num, `the number of segment ${segment.eId}`);
  switch (segment.kind) {
    case 'title':
    case 'heading':
      numAndHeading(body.ele('hcontainer', { eId: segment.eId, name: segment.kind }), segment);
      return null;
    case 'paragraph':
    case 'subparagraph': {
      const element = body.ele(segment.kind, { eId: segment.eId });
      if (segment.num !== null) element.ele('num').txt(text(printedNum(segment.num)));
      element.ele('content').ele('p').txt(text(segment.text));
      return null;
    }
    case 'list-item': {
      const blockList = list ?? body.ele('blockList');
      const item = blockList.ele('item', { eId: segment.eId });
      if (segment.num !== null) item.ele('num').txt(text(printedNum(segment.num)));
      item.ele('p').txt(text(segment.text));
      return blockList;
    }
    case 'footnote': {
      const attrs: Record<string, string> = { eId: segment.eId, placement: 'bottom' };
      if (segment.num !== null) attrs['marker'] = attr(segment.num);
      body.ele('p').ele('authorialNote', attrs).ele('p').txt(text(segment.text));
      return null;
    }
  }
}

/** The expression as an AKN 3.0 XML document (UTF-8, with declaration). */
export function exportAkn(doc: AknExportInput): string {
  const iris = aknIris(doc);
  // eIds are unique across the whole document, the metadata's included.
  const seen = new Set<string>(['pillars', ...(iris.actor !== null ? [iris.actor] : [])]);
  for (const { eId } of doc.segments) {
    if (!EID.test(eId) || seen.has(eId)) {
      throw new Error(`segment eId "${eId}" is invalid, repeated or reserved`);
    }
    seen.add(eId);
  }
  const symbol = doc.symbol === null ? null : check(doc.symbol, 'the symbol');
  const printedSymbol =
    symbol !== null && doc.revision !== '' && !symbol.endsWith(doc.revision)
      ? `${symbol}/${doc.revision}`
      : symbol;
  const date = doc.date !== null && /^\d{4}-\d{2}-\d{2}$/u.test(doc.date) ? doc.date : null;
  // The organ is the author AKN4UN names; without a symbol we do not know one and say nothing.
  const authors = iris.actor !== null ? [`#${iris.actor}`] : [];

  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele(AKN_NAMESPACE, 'akomaNtoso');
  const main = root.ele('doc', { name: docNameOf(symbol), 'xml:lang': doc.lang });
  const meta = main.ele('meta');
  const identification = meta.ele('identification', { source: '#pillars' });

  const work = identification.ele('FRBRWork');
  work.ele('FRBRthis', { value: `${iris.work}/!main` });
  work.ele('FRBRuri', { value: iris.work });
  if (date !== null) work.ele('FRBRdate', { date, name: 'issued' });
  for (const href of authors) work.ele('FRBRauthor', { href, as: '#author' });
  work.ele('FRBRcountry', { value: 'un' });
  if (symbol !== null) work.ele('FRBRnumber', { value: attr(symbol) });

  const expression = identification.ele('FRBRExpression');
  expression.ele('FRBRthis', { value: `${iris.expression}/!main` });
  expression.ele('FRBRuri', { value: iris.expression });
  if (date !== null) expression.ele('FRBRdate', { date, name: 'issued' });
  for (const href of authors) expression.ele('FRBRauthor', { href, as: '#author' });
  expression.ele('FRBRlanguage', { language: ISO639_2[doc.lang] });

  const manifestation = identification.ele('FRBRManifestation');
  manifestation.ele('FRBRthis', { value: iris.manifestation.replace(/\.akn$/u, '/!main.xml') });
  manifestation.ele('FRBRuri', { value: iris.manifestation });
  manifestation.ele('FRBRauthor', { href: '#pillars', as: '#editor' });
  manifestation.ele('FRBRformat', { value: 'application/akn+xml' });

  const references = meta.ele('references', { source: '#pillars' });
  references.ele('TLCOrganization', {
    eId: 'pillars',
    href: '/ontology/organization/pillars',
    showAs: 'Pillars',
  });
  if (iris.actor !== null) {
    references.ele('TLCOrganization', {
      eId: iris.actor,
      href: `/ontology/organization/un/${iris.actor}`,
      showAs: actorName(iris.actor),
    });
  }
  meta.ele('proprietary', { source: '#pillars' }).ele(PILLARS_NAMESPACE, 'pillars:expression', {
    workId: attr(check(doc.workId, 'the work id')),
    revision: attr(check(doc.revision, 'the revision')),
    version: String(doc.version),
    sourceSha256: doc.sha256,
  });

  if (doc.title !== null || printedSymbol !== null || date !== null) {
    const preface = main.ele('preface');
    if (doc.title !== null) {
      preface
        .ele('longTitle')
        .ele('p')
        .ele('docTitle')
        .txt(text(check(doc.title, 'the title')));
    }
    if (printedSymbol !== null) preface.ele('p').ele('docNumber').txt(text(printedSymbol));
    if (date !== null) preface.ele('p').ele('docDate', { date }).txt(date);
  }

  const body = main.ele('mainBody');
  let list: XMLBuilder | null = null;
  for (const segment of doc.segments) list = writeSegment(body, segment, list);
  // AKN requires mainBody to have content; an expression without segments still exports.
  if (doc.segments.length === 0) body.ele('p');
  return root.end({ prettyPrint: true });
}
