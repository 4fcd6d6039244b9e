/**
 * @module TBX export: concepts → an ISO 30042:2019 TBX-Basic document (DCA style). Pure text
 * building, deterministic: concepts sorted by id (code-unit order), languages in UN order, terms
 * and links in stored order, 2-space indentation, no dates, so the same concepts always give the
 * same bytes and `readTbx` gives them back.
 *
 * The mapping (every element is a TBX-Basic data category at a level where TBX-Basic allows it):
 *
 * | Concept field            | TBX                                                                     |
 * | ------------------------ | ----------------------------------------------------------------------- |
 * | `id`                     | `conceptEntry id="…"`; an id that starts with a digit is written with a  |
 * |                          | leading `_` (`_2010-action-plan`), because `id` is an xsd:ID (an NCName) |
 * | `domain`                 | concept level `descrip type="subjectField"` (the domain slug)            |
 * | `note`                   | concept level `note`                                                     |
 * | `broader`                | concept level `ref type="crossReference" target="…"` whose content is    |
 * |                          | the word `broader`                                                       |
 * | `related`                | the same with the content `related`                                      |
 * | `languages.xx`           | `langSec xml:lang="xx"` (BCP 47; Chinese as `zh-Hans`)                   |
 * | `definition`             | langSec `descripGrp`: `descrip type="definition"`, then                  |
 * |                          | `admin type="source"` for its source                                     |
 * | `definition.origin`      | `ours`: a `transacGrp` in that descripGrp, `transac type=                |
 * |                          | "transactionType"` origination with `transacNote type="responsibility"`  |
 * |                          | `Pillars editors`; `imported`: no transacGrp (what other tools' files    |
 * |                          | have, so their definitions read back as imported)                        |
 * | term `text`              | `termSec/term`                                                           |
 * | term `status`            | `termNote type="administrativeStatus"`: preferredTerm-admn-sts,          |
 * |                          | admittedTerm-admn-sts, deprecatedTerm-admn-sts                           |
 * | term `type`              | `termNote type="termType"` (fullForm, abbreviation, acronym, …)          |
 * | term `partOfSpeech`      | `termNote type="partOfSpeech"` (noun, properNoun, verb, …)               |
 * | term `note`              | termSec `note`                                                           |
 *
 * TBX-Basic has no broader/narrower category (`broaderConceptGeneric` belongs to the full TBX
 * data category set), so both link kinds are crossReferences, an IDREF to the other entry; the
 * reference's content, which TBX leaves to the writer as the link's display text, says which
 * kind it is. Narrower links are derived, never written. A link to a concept missing from the
 * exported list is still written (so the list reads back unchanged); its IDREF then dangles.
 *
 * Text is escaped for XML (`&`, `<`, `>`, and CR as `&#13;` so it survives a parser's line-end
 * normalisation); characters XML 1.0 cannot carry (C0 controls but tab and newlines, U+FFFE,
 * U+FFFF, lone surrogates) are dropped.
 */
import type { Concept, Definition, Term, TermStatus } from '../../domain/glossary.js';
import { LANGUAGES, type Lang } from '../../domain/language-codes.js';
import { invalidData } from '../../domain/errors.js';

export const TBX_NAMESPACE = 'urn:iso:std:iso:30042:ed-2';

/** BCP 47 tags of the six languages: UN Chinese is written in simplified characters. */
export const TBX_LANG: Readonly<Record<Lang, string>> = {
  ar: 'ar',
  zh: 'zh-Hans',
  en: 'en',
  fr: 'fr',
  ru: 'ru',
  es: 'es',
};

export const TBX_STATUS: Readonly<Record<TermStatus, string>> = {
  preferred: 'preferredTerm-admn-sts',
  admitted: 'admittedTerm-admn-sts',
  deprecated: 'deprecatedTerm-admn-sts',
};

/** The content of a crossReference that marks a broader link; anything else is a related link. */
export const BROADER_LINK_TEXT = 'broader';
export const RELATED_LINK_TEXT = 'related';
/** The responsibility of the origination transaction that marks a definition as ours. */
export const OUR_RESPONSIBILITY = 'Pillars editors';

export interface TbxWriteOptions {
  /** The file's title (titleStmt). */
  readonly title?: string;
  /** What the file is (sourceDesc). */
  readonly sourceDesc?: string;
}

/** A concept id as a TBX entry id: an xsd:ID cannot start with a digit. */
export function tbxEntryId(conceptId: string): string {
  return /^[0-9]/u.test(conceptId) ? `_${conceptId}` : conceptId;
}

// The C0 controls XML 1.0 does not allow, U+FFFE/U+FFFF, and (with the u flag, where a valid
// pair is one code point) lone surrogates.
// eslint-disable-next-line no-control-regex -- these are exactly the characters to drop
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/gu;

function xmlText(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/&/gu, '&amp;')
    .replace(/</gu, '&lt;')
    .replace(/>/gu, '&gt;')
    .replace(/\r/gu, '&#13;');
}

function xmlAttribute(text: string): string {
  return xmlText(text).replace(/"/gu, '&quot;').replace(/\n/gu, '&#10;').replace(/\t/gu, '&#9;');
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

class Lines {
  private readonly out: string[] = [];

  /** An element with text content on one line (the text itself may hold newlines). */
  leaf(depth: number, name: string, attrs: Record<string, string>, text: string): void {
    this.out.push(`${'  '.repeat(depth)}<${name}${attributes(attrs)}>${xmlText(text)}</${name}>`);
  }

  open(depth: number, name: string, attrs: Record<string, string> = {}): void {
    this.out.push(`${'  '.repeat(depth)}<${name}${attributes(attrs)}>`);
  }

  close(depth: number, name: string): void {
    this.out.push(`${'  '.repeat(depth)}</${name}>`);
  }

  raw(line: string): void {
    this.out.push(line);
  }

  toString(): string {
    return this.out.join('\n') + '\n';
  }
}

function attributes(attrs: Record<string, string>): string {
  return Object.entries(attrs)
    .map(([key, value]) => ` ${key}="${xmlAttribute(value)}"`)
    .join('');
}

function writeDefinition(out: Lines, depth: number, definition: Definition): void {
  out.open(depth, 'descripGrp');
  out.leaf(depth + 1, 'descrip', { type: 'definition' }, definition.text);
  if (definition.source !== undefined) {
    out.leaf(depth + 1, 'admin', { type: 'source' }, definition.source);
  }
  if (definition.origin === 'ours') {
    out.open(depth + 1, 'transacGrp');
    out.leaf(depth + 2, 'transac', { type: 'transactionType' }, 'origination');
    out.leaf(depth + 2, 'transacNote', { type: 'responsibility' }, OUR_RESPONSIBILITY);
    out.close(depth + 1, 'transacGrp');
  }
  out.close(depth, 'descripGrp');
}

function writeTerm(out: Lines, depth: number, term: Term): void {
  out.open(depth, 'termSec');
  out.leaf(depth + 1, 'term', {}, term.text);
  out.leaf(depth + 1, 'termNote', { type: 'administrativeStatus' }, TBX_STATUS[term.status]);
  out.leaf(depth + 1, 'termNote', { type: 'termType' }, term.type);
  out.leaf(depth + 1, 'termNote', { type: 'partOfSpeech' }, term.partOfSpeech);
  if (term.note !== undefined) out.leaf(depth + 1, 'note', {}, term.note);
  out.close(depth, 'termSec');
}

function writeConcept(out: Lines, depth: number, concept: Concept): void {
  out.open(depth, 'conceptEntry', { id: tbxEntryId(concept.id) });
  out.leaf(depth + 1, 'descrip', { type: 'subjectField' }, concept.domain);
  if (concept.note !== undefined) out.leaf(depth + 1, 'note', {}, concept.note);
  for (const target of concept.broader) {
    out.leaf(
      depth + 1,
      'ref',
      { type: 'crossReference', target: tbxEntryId(target) },
      BROADER_LINK_TEXT,
    );
  }
  for (const target of concept.related) {
    out.leaf(
      depth + 1,
      'ref',
      { type: 'crossReference', target: tbxEntryId(target) },
      RELATED_LINK_TEXT,
    );
  }
  for (const lang of LANGUAGES) {
    const section = concept.languages[lang];
    if (section === undefined) continue;
    out.open(depth + 1, 'langSec', { 'xml:lang': TBX_LANG[lang] });
    if (section.definition !== undefined) writeDefinition(out, depth + 2, section.definition);
    for (const term of section.terms) writeTerm(out, depth + 2, term);
    out.close(depth + 1, 'langSec');
  }
  out.close(depth, 'conceptEntry');
}

/** The concepts as a TBX-Basic document (UTF-8 text, LF line ends). */
export function writeTbx(concepts: readonly Concept[], options: TbxWriteOptions = {}): string {
  const sorted = [...concepts].sort((a, b) => compareIds(a.id, b.id));
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.id === sorted[i - 1]!.id) {
      throw invalidData('concepts', `the concept id "${sorted[i]!.id}" occurs twice`);
    }
  }
  const out = new Lines();
  out.raw('<?xml version="1.0" encoding="UTF-8"?>');
  out.open(0, 'tbx', { type: 'TBX-Basic', style: 'dca', 'xml:lang': 'en', xmlns: TBX_NAMESPACE });
  out.open(1, 'tbxHeader');
  out.open(2, 'fileDesc');
  out.open(3, 'titleStmt');
  out.leaf(4, 'title', {}, options.title ?? 'Pillars glossary');
  out.close(3, 'titleStmt');
  out.open(3, 'sourceDesc');
  out.leaf(4, 'p', {}, options.sourceDesc ?? 'Exported from Pillars.');
  out.close(3, 'sourceDesc');
  out.close(2, 'fileDesc');
  out.close(1, 'tbxHeader');
  out.open(1, 'text');
  out.open(2, 'body');
  for (const concept of sorted) writeConcept(out, 3, concept);
  out.close(2, 'body');
  out.close(1, 'text');
  out.close(0, 'tbx');
  return out.toString();
}
