/**
 * @module The one way Pillars parses untrusted XML: the guard (xml-guard.ts) first, then
 * fast-xml-parser's validator for a line-numbered error, then the parser with entity processing
 * off (we decode the five predefined entities and character references ourselves, in one pass),
 * `preserveOrder` and untrimmed text so mixed content such as `<p>a <i>b</i> c</p>` keeps its
 * order and spaces. The result is a small typed tree instead of the parser's loose objects.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ExtractionError } from '../extracted-document.js';
import { assertSafeXml, decodeXmlEntities, type XmlGuardOptions } from './xml-guard.js';

export interface XmlElement {
  /** The qualified name as written (`w:p`, `akomaNtoso`). */
  readonly name: string;
  /** The name without its prefix (`p`). */
  readonly local: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: readonly XmlNode[];
}
/** An element, or a run of character data (entities decoded, CDATA as written). */
export type XmlNode = XmlElement | string;

type Ordered = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  trimValues: false,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  allowBooleanAttributes: true,
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  cdataPropName: '#cdata',
  commentPropName: '#comment',
});

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

function convert(list: readonly Ordered[], cdata = false): XmlNode[] {
  const out: XmlNode[] = [];
  for (const node of list) {
    const tag = Object.keys(node).find((key) => key !== ':@');
    if (tag === undefined || tag === '#comment') continue;
    const value = node[tag];
    if (tag === '#text') {
      const text = String(value);
      out.push(cdata ? text : decodeXmlEntities(text));
    } else if (tag === '#cdata') {
      out.push(...convert(value as Ordered[], true));
    } else {
      const raw = (node[':@'] ?? {}) as Record<string, unknown>;
      const attrs: Record<string, string> = {};
      for (const [key, v] of Object.entries(raw)) {
        attrs[key] = v === true ? '' : decodeXmlEntities(String(v));
      }
      out.push({ name: tag, local: localName(tag), attrs, children: convert(value as Ordered[]) });
    }
  }
  return out;
}

/** Guards, validates and parses; returns the root element. */
export function parseXml(text: string, options: XmlGuardOptions = {}): XmlElement {
  assertSafeXml(text, options);
  const verdict = XMLValidator.validate(text, { allowBooleanAttributes: true });
  if (verdict !== true) {
    const { msg, line } = verdict.err;
    // The validator reports unclosed elements as "Invalid '[ "a", "b" ]' found." at line 1.
    const unclosed = /^Invalid '\[(.*)\]' found\.$/su.exec(msg);
    const message = unclosed
      ? `the file ends before the elements ${unclosed[1]!.replace(/\s+/gu, ' ').trim()} are closed (truncated?)`
      : `${msg.replace(/\.$/u, '')} (${options.part ? `${options.part}, ` : ''}line ${line})`;
    throw new ExtractionError('invalid_xml', message);
  }
  const root = convert(parser.parse(text) as Ordered[]).find(
    (node): node is XmlElement => typeof node !== 'string',
  );
  if (root === undefined) throw new ExtractionError('invalid_xml', 'the XML has no root element');
  return root;
}

export function elementsOf(node: XmlElement): XmlElement[] {
  return node.children.filter((child): child is XmlElement => typeof child !== 'string');
}

export function childElement(node: XmlElement, local: string): XmlElement | undefined {
  return elementsOf(node).find((child) => child.local === local);
}

/** All character data below a node, in document order. */
export function textContent(node: XmlNode): string {
  return typeof node === 'string' ? node : node.children.map(textContent).join('');
}
