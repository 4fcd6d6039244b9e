/**
 * @module TMX 1.4b (Translation Memory eXchange) output: a header, then one translation unit per
 * aligned row with one variant (`tuv`) per language. Written as chunks of text so a whole
 * corpus streams out without being held in memory; XML is escaped here, and characters XML 1.0
 * cannot carry (C0 controls but tab and newlines, lone surrogates) are dropped.
 */
import type { Lang } from '../domain/language-codes.js';

/** BCP 47 tags: UN Chinese is written in simplified characters. */
export const TMX_LANG: Readonly<Record<Lang, string>> = {
  ar: 'ar',
  zh: 'zh-Hans',
  en: 'en',
  fr: 'fr',
  ru: 'ru',
  es: 'es',
};

export interface TmxVariant {
  readonly lang: Lang;
  readonly text: string;
  /** The segment eIds the text comes from (kept as a property, for going back to the source). */
  readonly eIds: readonly string[];
}

export interface TmxUnit {
  readonly id: string;
  /** The document the unit comes from (its symbol). */
  readonly document: string;
  readonly variants: readonly TmxVariant[];
}

export interface TmxHeader {
  /** The source language, or `*all*` when every variant may serve as source. */
  readonly srcLang: Lang | '*all*';
  readonly creationDate: Date;
  readonly toolVersion: string;
  /** What a unit is: a paragraph (the default) or a sentence. */
  readonly segType?: 'paragraph' | 'sentence';
}

// The C0 controls XML 1.0 does not allow, U+FFFE/U+FFFF, and (with the u flag, where a valid
// pair is one code point) lone surrogates.
// eslint-disable-next-line no-control-regex -- these are exactly the characters to drop
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/gu;

export function xmlText(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

export function xmlAttribute(text: string): string {
  return xmlText(text).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

/** TMX's creation date format: YYYYMMDDThhmmssZ. */
function tmxDate(date: Date): string {
  return date
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

export function tmxStart(header: TmxHeader): string {
  const srcLang = header.srcLang === '*all*' ? '*all*' : TMX_LANG[header.srcLang];
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n' +
    '<tmx version="1.4">\n' +
    `  <header creationtool="Pillars" creationtoolversion="${xmlAttribute(header.toolVersion)}"` +
    ` datatype="plaintext" segtype="${header.segType ?? 'paragraph'}" adminlang="en" srclang="${srcLang}"` +
    ` o-tmf="Pillars" creationdate="${tmxDate(header.creationDate)}"/>\n` +
    '  <body>\n'
  );
}

export function tmxUnit(unit: TmxUnit): string {
  let out = `    <tu tuid="${xmlAttribute(unit.id)}">\n`;
  out += `      <prop type="x-document">${xmlText(unit.document)}</prop>\n`;
  for (const variant of unit.variants) {
    out += `      <tuv xml:lang="${TMX_LANG[variant.lang]}">\n`;
    out += `        <prop type="x-eid">${xmlText(variant.eIds.join(' '))}</prop>\n`;
    out += `        <seg>${xmlText(variant.text)}</seg>\n`;
    out += '      </tuv>\n';
  }
  return out + '    </tu>\n';
}

export const TMX_END = '  </body>\n</tmx>\n';

/** A whole TMX document, for one work or a small set of units. */
export function buildTmx(header: TmxHeader, units: Iterable<TmxUnit>): string {
  let out = tmxStart(header);
  for (const unit of units) out += tmxUnit(unit);
  return out + TMX_END;
}

/** Joins the texts of units that form one link, as a reader of that language expects. */
export function joinUnits(texts: readonly string[], lang: Lang): string {
  return texts.join(lang === 'zh' ? '' : ' ');
}
