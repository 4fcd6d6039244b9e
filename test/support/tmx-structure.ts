/**
 * Checks a TMX document against the structure the TMX 1.4b DTD (tmx14.dtd) prescribes — element
 * order and nesting, required attributes, allowed values — and returns its units. Throws with
 * the path of the first violation.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

type Node = Record<string, unknown> & { ':@'?: Record<string, string> };

export interface TmxCheck {
  readonly header: Record<string, string>;
  readonly units: { id: string | undefined; variants: { lang: string; text: string }[] }[];
}

const HEADER_REQUIRED = [
  'creationtool',
  'creationtoolversion',
  'segtype',
  'o-tmf',
  'adminlang',
  'srclang',
  'datatype',
];
const HEADER_ALLOWED = new Set([
  ...HEADER_REQUIRED,
  'o-encoding',
  'creationdate',
  'creationid',
  'changedate',
  'changeid',
]);
const TU_ALLOWED = new Set([
  'tuid',
  'o-encoding',
  'datatype',
  'usagecount',
  'lastusagedate',
  'creationtool',
  'creationtoolversion',
  'creationdate',
  'creationid',
  'changedate',
  'segtype',
  'changeid',
  'o-tmf',
  'srclang',
]);
const TUV_ALLOWED = new Set([
  'xml:lang',
  'o-encoding',
  'datatype',
  'usagecount',
  'lastusagedate',
  'creationtool',
  'creationtoolversion',
  'creationdate',
  'creationid',
  'changedate',
  'o-tmf',
  'changeid',
]);
const SEG_INLINE = new Set(['bpt', 'ept', 'it', 'ph', 'hi', 'ut']);
// BCP 47 as TMX tools meet it: language, optional script, optional region.
const BCP47 = /^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|\d{3}))?$/u;
const TMX_DATE = /^\d{8}T\d{6}Z$/u;

function nameOf(node: Node): string {
  const name = Object.keys(node).find((k) => k !== ':@');
  if (name === undefined) throw new Error('TMX: empty node');
  return name;
}
function children(node: Node): Node[] {
  return (node[nameOf(node)] as Node[] | undefined) ?? [];
}
function attrs(node: Node): Record<string, string> {
  const raw = node[':@'] ?? {};
  return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k.replace(/^@_/u, ''), v]));
}
function elements(node: Node): Node[] {
  return children(node).filter((c) => nameOf(c) !== '#text' && nameOf(c) !== '?xml');
}
function textOf(node: Node): string {
  return children(node)
    .map((c) => (nameOf(c) === '#text' ? String(c['#text']) : textOf(c)))
    .join('');
}
function fail(path: string, message: string): never {
  throw new Error(`TMX ${path}: ${message}`);
}
function checkAttributes(path: string, node: Node, allowed: Set<string>, required: string[] = []) {
  const a = attrs(node);
  for (const key of Object.keys(a))
    if (!allowed.has(key)) fail(path, `attribute ${key} is not allowed`);
  for (const key of required) if (!(key in a)) fail(path, `attribute ${key} is required`);
  return a;
}
/** (note|prop)* then the rest, as tu and tuv require. */
function splitNotes(path: string, nodes: Node[]): Node[] {
  let i = 0;
  while (i < nodes.length && ['note', 'prop'].includes(nameOf(nodes[i]!))) {
    const node = nodes[i]!;
    if (nameOf(node) === 'prop' && !('type' in attrs(node))) fail(path, 'prop without type');
    i++;
  }
  return nodes.slice(i);
}

export function checkTmx(xml: string): TmxCheck {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`TMX is not well-formed XML: ${valid.err.msg}`);
  if (!/<!DOCTYPE tmx SYSTEM "tmx14\.dtd">/u.test(xml)) fail('/', 'no TMX 1.4 DOCTYPE');
  const parsed = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    trimValues: false,
    processEntities: true,
  }).parse(xml) as Node[];
  const roots = parsed.filter((n) => !['?xml', '#text'].includes(nameOf(n)));
  if (roots.length !== 1 || nameOf(roots[0]!) !== 'tmx') fail('/', 'the root must be <tmx>');
  const tmx = roots[0]!;
  if (attrs(tmx).version !== '1.4') fail('/tmx', 'version must be 1.4');
  const [header, body, ...extra] = elements(tmx);
  if (!header || nameOf(header) !== 'header') fail('/tmx', 'header must come first');
  if (!body || nameOf(body) !== 'body' || extra.length > 0)
    fail('/tmx', 'header then body, nothing else');
  const h = checkAttributes('/tmx/header', header, HEADER_ALLOWED, HEADER_REQUIRED);
  if (!['block', 'paragraph', 'sentence', 'phrase'].includes(h.segtype!))
    fail('/tmx/header', `segtype ${h.segtype}`);
  if (h.srclang !== '*all*' && !BCP47.test(h.srclang!)) fail('/tmx/header', `srclang ${h.srclang}`);
  if (h.creationdate !== undefined && !TMX_DATE.test(h.creationdate))
    fail('/tmx/header', `creationdate ${h.creationdate}`);
  for (const child of elements(header))
    if (!['note', 'prop', 'ude'].includes(nameOf(child)))
      fail('/tmx/header', `<${nameOf(child)}> not allowed`);

  const units = elements(body).map((tu, i) => {
    const path = `/tmx/body/tu[${i + 1}]`;
    if (nameOf(tu) !== 'tu') fail(path, `<${nameOf(tu)}> in body`);
    const tuAttrs = checkAttributes(path, tu, TU_ALLOWED);
    const tuvs = splitNotes(path, elements(tu));
    if (tuvs.length === 0) fail(path, 'a tu needs at least one tuv');
    const variants = tuvs.map((tuv, j) => {
      const tuvPath = `${path}/tuv[${j + 1}]`;
      if (nameOf(tuv) !== 'tuv') fail(tuvPath, `<${nameOf(tuv)}> after the tuvs began`);
      const lang = checkAttributes(tuvPath, tuv, TUV_ALLOWED, ['xml:lang'])['xml:lang']!;
      if (!BCP47.test(lang)) fail(tuvPath, `xml:lang ${lang} is not BCP 47`);
      const rest = splitNotes(tuvPath, elements(tuv));
      if (rest.length !== 1 || nameOf(rest[0]!) !== 'seg') fail(tuvPath, 'exactly one seg');
      for (const inline of elements(rest[0]!))
        if (!SEG_INLINE.has(nameOf(inline))) fail(tuvPath, `<${nameOf(inline)}> inside seg`);
      return { lang, text: textOf(rest[0]!) };
    });
    return { id: tuAttrs.tuid, variants };
  });
  return { header: h, units };
}
