/**
 * @module TBX import: a TBX document → concepts, with a report per entry. The text goes through
 * the safe XML parser (no DOCTYPE, no entities, bounded depth) after a size check; a malformed
 * file is one error naming its line and column. Each entry is read on its own and validated
 * with `conceptSchema`: a bad entry is rejected with the reasons (naming the field and its line),
 * the others are read.
 *
 * Besides our own output (see tbx-write.ts for the mapping) it reads what other tools write:
 * - TBX 2019 DCA (`tbx/conceptEntry/langSec/termSec`), DCT (`<min:administrativeStatus>`, …) and
 *   TBX 2008 (`martif/termEntry/langSet/tig`, `ntig/termGrp`);
 * - `<?xml-model?>` and `<?xml-stylesheet?>` instructions before the root are ignored (the guard
 *   refuses every other processing instruction; we never fetch what they point at);
 * - a missing termType or partOfSpeech → fullForm, noun; a langSec without any
 *   administrativeStatus → its first term preferred, the others admitted (a warning);
 *   supersededTerm → deprecated; an unknown termType or partOfSpeech → the default (a warning);
 * - xml:lang with a region or script ("en-US", "zh-Hans", "zh-CN") → one of the six; another
 *   language rejects the entry, or is skipped with a warning under `skipOtherLanguages`;
 * - an entry id that is not one of our slugs ("C123", "123", "term_5") → a derived slug
 *   ("c123", "term-5"), reported; links to it follow;
 * - other elements (transacGrp, customerSubset, context, …) are ignored, one warning per kind.
 */
import { XMLValidator } from 'fast-xml-parser';
import { z } from 'zod';
import {
  conceptIdSchema,
  conceptSchema,
  PARTS_OF_SPEECH,
  TERM_TYPES,
  GLOSSARY_DOMAINS,
  type Concept,
  type GlossaryDomain,
  type PartOfSpeech,
  type TermStatus,
  type TermType,
} from '../../domain/glossary.js';
import { isLang, LANGUAGES, type Lang } from '../../domain/language-codes.js';
import { PillarsError } from '../../domain/errors.js';
import { ExtractionError } from '../../ingest/extracted-document.js';
import {
  parseXml,
  textContent,
  elementsOf,
  type XmlElement,
} from '../../ingest/formats/xml-guard-parse.js';
import { BROADER_LINK_TEXT, OUR_RESPONSIBILITY } from './tbx-write.js';

export const DEFAULT_TBX_MAX_BYTES = 20 * 1024 * 1024;

export interface TbxReadOptions {
  /** Largest file accepted, in UTF-8 bytes (default 20 MB). */
  readonly maxBytes?: number;
  /** Skip language sections in languages other than the six (with a warning) instead of rejecting the entry. */
  readonly skipOtherLanguages?: boolean;
}

/** What a reader did with one entry of a glossary file (a TBX conceptEntry, the rows of a CSV concept). */
export interface GlossaryEntryReport {
  /** The concept id as read (derived when the file's id is not a slug; "" when the entry has none). */
  readonly conceptId: string;
  /** The line of the TBX conceptEntry, or the first CSV row of the concept. */
  readonly line: number;
  readonly outcome: 'accepted' | 'rejected';
  /** Why the entry was rejected, every problem "; "-separated; empty when accepted. */
  readonly reason: string;
  /** What was read in a way the file did not spell out, or left out. */
  readonly warnings: readonly string[];
}

export interface TbxReadResult {
  /** The accepted concepts, in file order. */
  readonly concepts: Concept[];
  /** One report per entry, in file order. */
  readonly entries: GlossaryEntryReport[];
  /** About the file rather than an entry. */
  readonly warnings: string[];
}

// ---------------------------------------------------------------------------------------------
// Positions

class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
      this.starts.push(i + 1);
    }
  }

  /** 1-based line and column of an offset. */
  at(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo]! + 1 };
  }
}

/**
 * Markup of a well-formed document in order: comments, CDATA, processing instructions and
 * declarations are matched whole (so tags inside them do not count); `<` cannot occur in an
 * attribute value, so every other `<` starts a tag.
 */
const MARKUP =
  /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<![^>]*>|<\/([^\s>]+)\s*>|<([^\s/>]+)(?:[^>"']|"[^"]*"|'[^']*')*?(\/?)>/gu;

interface TagEvent {
  readonly kind: 'open' | 'close' | 'empty';
  readonly name: string;
  readonly offset: number;
}

function* tags(text: string): Generator<TagEvent> {
  for (const m of text.matchAll(MARKUP)) {
    if (m[1] !== undefined) yield { kind: 'close', name: m[1], offset: m.index };
    else if (m[2] !== undefined) {
      yield { kind: m[3] === '/' ? 'empty' : 'open', name: m[2], offset: m.index };
    }
  }
}

/** The line of every element: start tags in document order are the tree in pre-order. */
function elementLines(root: XmlElement, text: string, lines: LineIndex): Map<XmlElement, number> {
  const offsets: number[] = [];
  for (const tag of tags(text)) if (tag.kind !== 'close') offsets.push(tag.offset);
  const map = new Map<XmlElement, number>();
  const ordered: XmlElement[] = [];
  const walk = (el: XmlElement): void => {
    ordered.push(el);
    for (const child of elementsOf(el)) walk(child);
  };
  walk(root);
  if (ordered.length === offsets.length) {
    ordered.forEach((el, i) => map.set(el, lines.at(offsets[i]!).line));
  }
  return map;
}

// ---------------------------------------------------------------------------------------------
// File-level errors

function fileError(message: string, cause?: unknown): PillarsError {
  return new PillarsError('invalid_data', message, { field: 'file', cause });
}

/** The innermost element still open at the end of the text, for a truncated file. */
function unclosedElement(text: string): TagEvent | undefined {
  const stack: TagEvent[] = [];
  for (const tag of tags(text)) {
    if (tag.kind === 'open') stack.push(tag);
    else if (tag.kind === 'close' && stack.at(-1)?.name === tag.name) stack.pop();
  }
  return stack.at(-1);
}

function xmlError(error: unknown, text: string, lines: LineIndex): PillarsError {
  if (!(error instanceof ExtractionError)) {
    return fileError('TBX file: the XML could not be parsed', error);
  }
  if (error.code === 'invalid_xml') {
    const verdict = XMLValidator.validate(text, { allowBooleanAttributes: true });
    if (verdict !== true) {
      const { msg, line, col } = verdict.err;
      if (/^Invalid '\[.*\]' found\.$/su.test(msg)) {
        const open = unclosedElement(text);
        if (open !== undefined) {
          const at = lines.at(open.offset);
          return fileError(
            `TBX file line ${at.line}, column ${at.column}: <${open.name}> is never closed (the file ends first; truncated?)`,
            error,
          );
        }
      }
      return fileError(`TBX file line ${line}, column ${col}: ${msg.replace(/\.$/u, '')}`, error);
    }
  }
  // The guard's messages end with "(line N)".
  const located = /^(.*) \((?:[^()]*, )?line (\d+)\)$/su.exec(error.message);
  if (located) {
    const what =
      error.code === 'forbidden_xml'
        ? `${located[1]!}; Pillars never reads DTDs, external entities or instructions in a TBX file`
        : located[1]!;
    return fileError(`TBX file line ${located[2]!}: ${what}`, error);
  }
  return fileError(`TBX file: ${error.message}`, error);
}

/** Blanks `<?xml-model?>` and `<?xml-stylesheet?>` before the root (keeping line numbers). */
function blankPrologInstructions(text: string): string {
  const item = /\s+|<\?xml\s[\s\S]*?\?>|<!--[\s\S]*?-->|<\?xml-(?:model|stylesheet)\b[\s\S]*?\?>/uy;
  let out = text;
  for (let m = item.exec(text); m !== null && m[0] !== ''; m = item.exec(text)) {
    if (m[0].startsWith('<?xml-')) {
      out = out.slice(0, m.index) + m[0].replace(/[^\n]/gu, ' ') + out.slice(item.lastIndex);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Values

/** The data category of an element: DCA's `type` attribute, or DCT's element name. */
function categoryOf(el: XmlElement): string {
  switch (el.local) {
    case 'descrip':
    case 'termNote':
    case 'admin':
    case 'adminNote':
    case 'descripNote':
    case 'ref':
    case 'xref':
    case 'transac':
    case 'transacNote':
      return el.attrs.type ?? '';
    default:
      return el.local;
  }
}

const STATUS_VALUES: Readonly<Record<string, TermStatus>> = {
  'preferredterm-admn-sts': 'preferred',
  preferredterm: 'preferred',
  preferred: 'preferred',
  'admittedterm-admn-sts': 'admitted',
  admittedterm: 'admitted',
  admitted: 'admitted',
  'deprecatedterm-admn-sts': 'deprecated',
  deprecatedterm: 'deprecated',
  deprecated: 'deprecated',
  notrecommended: 'deprecated',
  'supersededterm-admn-sts': 'deprecated',
  supersededterm: 'deprecated',
  obsolete: 'deprecated',
};

function langOfTag(tag: string): { lang: Lang; note?: string } | undefined {
  const lower = tag.trim().toLowerCase();
  const base = lower.split(/[-_]/u)[0] ?? '';
  if (!isLang(base)) return undefined;
  if (base === 'zh' && /^zh[-_](?:hant|tw|hk|mo)\b/u.test(lower)) {
    return { lang: base, note: `"${tag}" is traditional Chinese; read as zh` };
  }
  return { lang: base };
}

function isSlug(id: string): boolean {
  return conceptIdSchema.safeParse(id).success;
}

function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** A TBX entry id → our concept id: our own `_` + digit form, a slug, or a slug derived from it. */
export function conceptIdFromTbx(raw: string): { id: string; derived: boolean } {
  if (/^_[0-9]/u.test(raw) && isSlug(raw.slice(1))) return { id: raw.slice(1), derived: false };
  if (isSlug(raw) && !/^[0-9]/u.test(raw)) return { id: raw, derived: false };
  let slug = raw
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-+|-+$/gu, '');
  if (slug === '') slug = `c${fnv1a(raw)}`;
  if (/^[0-9]/u.test(slug)) slug = `c${slug}`;
  slug = slug.slice(0, 80).replace(/-+$/u, '');
  return { id: slug, derived: true };
}

function slugOfDomain(text: string): GlossaryDomain | undefined {
  const slug = text
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/gu, '-');
  return (GLOSSARY_DOMAINS as readonly string[]).includes(slug)
    ? (slug as GlossaryDomain)
    : undefined;
}

function describeIssuePath(
  path: readonly PropertyKey[],
  lines: EntryLines,
): { where: string; field: string } {
  const [head, lang, part, index, ...rest] = path;
  if (head === 'languages' && typeof lang === 'string') {
    if (part === 'terms' && typeof index === 'number') {
      const line = lines.terms.get(lang)?.[index];
      return {
        where: `${lang} term ${index + 1}${line ? ` (line ${line})` : ''}`,
        field: rest.length ? rest.map(String).join('.') : 'term',
      };
    }
    if (part === 'definition') {
      const line = lines.definitions.get(lang);
      return {
        where: `${lang} definition${line ? ` (line ${line})` : ''}`,
        field: ['definition', index, ...rest]
          .filter((p) => p !== undefined)
          .map(String)
          .join('.'),
      };
    }
    const line = lines.langSecs.get(lang);
    return {
      where: `${lang}${line ? ` (line ${line})` : ''}`,
      field: part ? String(part) : 'langSec',
    };
  }
  const field = head === 'domain' ? 'subjectField' : path.map(String).join('.') || 'entry';
  return { where: '', field };
}

function issueMessages(
  error: z.ZodError,
  describe: (path: readonly PropertyKey[]) => { where: string; field: string },
): string[] {
  return error.issues.map((issue) => {
    const { where, field } = describe(issue.path);
    return `${where ? `${where}, ` : ''}field ${field}: ${issue.message}`;
  });
}

// ---------------------------------------------------------------------------------------------
// Entries

interface EntryLines {
  readonly terms: Map<string, number[]>;
  readonly definitions: Map<string, number>;
  readonly langSecs: Map<string, number>;
}

interface DraftTerm {
  text: string;
  status: TermStatus | undefined;
  type?: TermType;
  partOfSpeech?: PartOfSpeech;
  note?: string;
}

interface DraftSection {
  definition?: { text: string; origin: 'ours' | 'imported'; source?: string };
  terms: DraftTerm[];
}

class EntryReader {
  readonly problems: string[] = [];
  readonly warnings: string[] = [];
  private readonly ignored = new Map<string, { line: number | undefined; count: number }>();
  readonly lines: EntryLines = { terms: new Map(), definitions: new Map(), langSecs: new Map() };
  domain: GlossaryDomain | undefined;
  domainReported = false;
  notes: string[] = [];
  broader: string[] = [];
  related: string[] = [];
  languages = new Map<Lang, DraftSection>();
  /** Concept-level definitions: assigned to their language at the end. */
  private readonly looseDefinitions: { lang: string | undefined; el: XmlElement }[] = [];

  constructor(
    private readonly lineOf: (el: XmlElement) => number | undefined,
    private readonly linkTarget: (raw: string) => string,
    private readonly options: TbxReadOptions,
    private readonly fileLang: string | undefined,
  ) {}

  private at(el: XmlElement): string {
    const line = this.lineOf(el);
    return line === undefined ? '' : ` (line ${line})`;
  }

  private ignore(el: XmlElement, what = `<${el.name}>`): void {
    const seen = this.ignored.get(what);
    if (seen) seen.count++;
    else this.ignored.set(what, { line: this.lineOf(el), count: 1 });
  }

  ignoredWarnings(): string[] {
    return [...this.ignored].map(
      ([what, { line, count }]) =>
        `ignored ${what}${line === undefined ? '' : ` at line ${line}`}${count > 1 ? ` and ${count - 1} more` : ''}`,
    );
  }

  readConcept(entry: XmlElement): void {
    for (const el of elementsOf(entry)) {
      const category = categoryOf(el);
      if (el.local === 'langSec' || el.local === 'langSet') this.readLangSec(el);
      else if (category === 'subjectField') this.readDomain(el);
      else if (category === 'definition')
        this.looseDefinitions.push({ lang: el.attrs['xml:lang'], el });
      else if (el.local === 'descripGrp') this.readConceptGroup(el);
      else if (el.local === 'note') this.notes.push(textContent(el).trim());
      else if (category === 'crossReference') this.readLink(el, textContent(el).trim());
      else if (category === 'broaderConceptGeneric' || category === 'broaderConceptPartitive') {
        this.readLink(el, BROADER_LINK_TEXT);
      } else if (category === 'relatedConcept') this.readLink(el, 'related');
      else this.ignore(el, el.attrs.type ? `<${el.name} type="${el.attrs.type}">` : undefined);
    }
    for (const { lang, el } of this.looseDefinitions) this.readLooseDefinition(lang, el);
  }

  private readConceptGroup(group: XmlElement): void {
    const first = elementsOf(group)[0];
    const category = first ? categoryOf(first) : '';
    if (category === 'definition') {
      this.looseDefinitions.push({
        lang: group.attrs['xml:lang'] ?? first?.attrs['xml:lang'],
        el: group,
      });
    } else if (category === 'subjectField' && first) this.readDomain(first);
    else this.ignore(group, category ? `<descripGrp> of ${category}` : undefined);
  }

  private readLooseDefinition(tag: string | undefined, el: XmlElement): void {
    const lang = langOfTag(tag ?? this.fileLang ?? '')?.lang;
    const section = lang === undefined ? undefined : this.languages.get(lang);
    if (lang === undefined || section === undefined) {
      this.warnings.push(
        `ignored a concept-level definition${this.at(el)}: no language section for its language "${tag ?? this.fileLang ?? ''}"`,
      );
    } else if (section.definition !== undefined) {
      this.warnings.push(`ignored a second ${lang} definition${this.at(el)}`);
    } else {
      section.definition = this.definitionOf(el);
      this.lines.definitions.set(lang, this.lineOf(el) ?? 0);
      this.warnings.push(
        `the concept-level definition${this.at(el)} is read as the ${lang} definition`,
      );
    }
  }

  private readDomain(el: XmlElement): void {
    const text = textContent(el).trim();
    if (this.domain !== undefined || this.domainReported) {
      this.warnings.push(`ignored a second subjectField "${text}"${this.at(el)}`);
      return;
    }
    this.domain = slugOfDomain(text);
    if (this.domain === undefined) {
      this.domainReported = true;
      this.problems.push(
        `field subjectField${this.at(el)}: unknown domain "${text}" (expected one of ${GLOSSARY_DOMAINS.join(', ')})`,
      );
    }
  }

  private readLink(el: XmlElement, label: string): void {
    const target = el.attrs.target;
    if (target === undefined || target.trim() === '') {
      this.ignore(el, `<${el.name}> without a target`);
      return;
    }
    const id = this.linkTarget(target.trim());
    if (label.toLowerCase().startsWith(BROADER_LINK_TEXT)) this.broader.push(id);
    else this.related.push(id);
  }

  /** A `descripGrp` (definition + source + our origination mark) or a bare definition `descrip`. */
  private definitionOf(el: XmlElement): DraftSection['definition'] {
    if (el.local !== 'descripGrp') return { text: textContent(el), origin: 'imported' };
    let text = '';
    let source: string | undefined;
    let origin: 'ours' | 'imported' = 'imported';
    for (const child of elementsOf(el)) {
      const category = categoryOf(child);
      if (category === 'definition') text = textContent(child);
      else if (category === 'source') source = textContent(child);
      else if (child.local === 'transacGrp') {
        const parts = elementsOf(child);
        const type = parts.find((p) => categoryOf(p) === 'transactionType');
        const who = parts.find((p) => categoryOf(p) === 'responsibility');
        if (
          type !== undefined &&
          textContent(type).trim() === 'origination' &&
          who !== undefined &&
          textContent(who).trim() === OUR_RESPONSIBILITY
        ) {
          origin = 'ours';
        } else this.ignore(child, '<transacGrp> of a definition');
      } else this.ignore(child, `<${child.name}> in a definition`);
    }
    return source === undefined ? { text, origin } : { text, origin, source };
  }

  private readLangSec(langSec: XmlElement): void {
    const tag = langSec.attrs['xml:lang'] ?? langSec.attrs.lang;
    if (tag === undefined) {
      this.problems.push(`field xml:lang${this.at(langSec)}: a language section has no xml:lang`);
      return;
    }
    const found = langOfTag(tag);
    if (found === undefined) {
      if (this.options.skipOtherLanguages) {
        this.warnings.push(`skipped the language section in "${tag}"${this.at(langSec)}`);
      } else {
        this.problems.push(
          `field xml:lang${this.at(langSec)}: unknown language "${tag}" (Pillars keeps ${LANGUAGES.join(', ')})`,
        );
      }
      return;
    }
    const { lang, note } = found;
    if (note !== undefined) this.warnings.push(`${note}${this.at(langSec)}`);
    if (this.languages.has(lang)) {
      this.problems.push(
        `field xml:lang${this.at(langSec)}: a second language section in ${lang} ("${tag}"; the first is at line ${this.lines.langSecs.get(lang) ?? '?'})`,
      );
      return;
    }
    const section: DraftSection = { terms: [] };
    this.languages.set(lang, section);
    this.lines.langSecs.set(lang, this.lineOf(langSec) ?? 0);
    const termLines: number[] = [];
    this.lines.terms.set(lang, termLines);
    for (const el of elementsOf(langSec)) {
      const category = categoryOf(el);
      if (el.local === 'termSec' || el.local === 'tig' || el.local === 'ntig') {
        const term = this.readTermSec(el, lang);
        if (term !== undefined) {
          section.terms.push(term);
          termLines.push(this.lineOf(el) ?? 0);
        }
      } else if (
        category === 'definition' ||
        (el.local === 'descripGrp' && categoryOf(elementsOf(el)[0] ?? el) === 'definition')
      ) {
        if (section.definition !== undefined) {
          this.warnings.push(`ignored a second ${lang} definition${this.at(el)}`);
        } else {
          section.definition = this.definitionOf(el);
          this.lines.definitions.set(lang, this.lineOf(el) ?? 0);
        }
      } else this.ignore(el, el.attrs.type ? `<${el.name} type="${el.attrs.type}">` : undefined);
    }
    this.settleStatuses(lang, section, langSec);
  }

  private readTermSec(termSec: XmlElement, lang: Lang): DraftTerm | undefined {
    // TBX 2008's ntig keeps the term and its notes in a termGrp.
    const children = elementsOf(termSec).flatMap((el) =>
      el.local === 'termGrp'
        ? elementsOf(el)
        : el.local === 'termNoteGrp'
          ? elementsOf(el).slice(0, 1)
          : [el],
    );
    const termEl = children.find((el) => el.local === 'term');
    if (termEl === undefined) {
      this.problems.push(
        `${lang} term${this.at(termSec)}, field term: a term section has no <term>`,
      );
      return undefined;
    }
    const term: DraftTerm = { text: textContent(termEl), status: undefined };
    const notes: string[] = [];
    for (const el of children) {
      if (el === termEl) continue;
      const category = categoryOf(el);
      const value = textContent(el).trim();
      if (category === 'administrativeStatus') {
        const status = STATUS_VALUES[value.toLowerCase()];
        if (status === undefined) {
          this.problems.push(
            `${lang} term "${term.text.trim()}"${this.at(el)}, field administrativeStatus: unknown status "${value}"`,
          );
        } else {
          term.status = status;
          if (value.toLowerCase().startsWith('superseded')) {
            this.warnings.push(
              `${lang} term "${term.text.trim()}": supersededTerm read as deprecated`,
            );
          }
        }
      } else if (category === 'termType') {
        if ((TERM_TYPES as readonly string[]).includes(value)) term.type = value as TermType;
        else {
          this.warnings.push(
            `${lang} term "${term.text.trim()}"${this.at(el)}: termType "${value}" is not one Pillars keeps; read as fullForm`,
          );
        }
      } else if (category === 'partOfSpeech') {
        if ((PARTS_OF_SPEECH as readonly string[]).includes(value)) {
          term.partOfSpeech = value as PartOfSpeech;
        } else {
          this.warnings.push(
            `${lang} term "${term.text.trim()}"${this.at(el)}: partOfSpeech "${value}" is not one Pillars keeps; read as noun`,
          );
        }
      } else if (el.local === 'note') notes.push(value);
      else this.ignore(el, el.attrs.type ? `<${el.name} type="${el.attrs.type}">` : undefined);
    }
    if (notes.length > 0) term.note = notes.join('\n');
    return term;
  }

  /** Terms without an administrativeStatus: the first preferred when none is, the others admitted. */
  private settleStatuses(lang: Lang, section: DraftSection, langSec: XmlElement): void {
    const missing = section.terms.filter((t) => t.status === undefined);
    if (missing.length === 0) return;
    const hasPreferred = section.terms.some((t) => t.status === 'preferred');
    missing.forEach((term, i) => {
      term.status = i === 0 && !hasPreferred ? 'preferred' : 'admitted';
    });
    const first = missing[0]!;
    this.warnings.push(
      `${lang}${this.at(langSec)}: ${missing.length} term${missing.length > 1 ? 's' : ''} without administrativeStatus, read as ` +
        (hasPreferred
          ? 'admitted'
          : `"${first.text.trim()}" preferred${missing.length > 1 ? ', the others admitted' : ''}`),
    );
  }

  /** What conceptSchema is given. */
  input(id: string): unknown {
    const languages: Record<string, unknown> = {};
    for (const lang of LANGUAGES) {
      const section = this.languages.get(lang);
      if (section === undefined) continue;
      languages[lang] = {
        ...(section.definition ? { definition: section.definition } : {}),
        terms: section.terms,
      };
    }
    return {
      id,
      domain: this.domain,
      broader: this.broader,
      related: this.related,
      ...(this.notes.length > 0 ? { note: this.notes.join('\n') } : {}),
      languages,
    };
  }
}

/** Reads a TBX document. Throws PillarsError (invalid_data) for a file that cannot be read at all. */
export function readTbx(text: string, options: TbxReadOptions = {}): TbxReadResult {
  const maxBytes = options.maxBytes ?? DEFAULT_TBX_MAX_BYTES;
  if (
    text.length > maxBytes ||
    (text.length * 3 > maxBytes && Buffer.byteLength(text) > maxBytes)
  ) {
    throw new PillarsError(
      'invalid_data',
      `TBX file: ${Buffer.byteLength(text)} bytes is more than the limit of ${maxBytes}`,
      { field: 'file' },
    );
  }
  const source = blankPrologInstructions(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  if (source.trim() === '') throw fileError('TBX file: the file is empty');
  const lines = new LineIndex(source);
  let root: XmlElement;
  try {
    root = parseXml(source);
  } catch (error) {
    throw xmlError(error, source, lines);
  }
  if (root.local !== 'tbx' && root.local !== 'martif') {
    throw fileError(
      `TBX file line 1: the root element is <${root.name}>, not <tbx> (or TBX 2008's <martif>)`,
    );
  }
  const body = elementsOf(root)
    .find((el) => el.local === 'text')
    ?.children.find((el): el is XmlElement => typeof el !== 'string' && el.local === 'body');
  if (body === undefined) throw fileError('TBX file: no <text><body> element holds the entries');

  const lineMap = elementLines(root, source, lines);
  const lineOf = (el: XmlElement): number | undefined => lineMap.get(el);
  const warnings: string[] = [];
  const entries = elementsOf(body).filter((el) => {
    if (el.local === 'conceptEntry' || el.local === 'termEntry') return true;
    warnings.push(`ignored <${el.name}> in the body${lineOf(el) ? ` at line ${lineOf(el)!}` : ''}`);
    return false;
  });

  // Ids first, so links can follow derived ids.
  const rawIds = entries.map((el) => el.attrs.id?.trim() ?? '');
  const idOfRaw = new Map<string, string>();
  for (const raw of rawIds) if (raw !== '') idOfRaw.set(raw, conceptIdFromTbx(raw).id);
  const linkTarget = (raw: string): string => idOfRaw.get(raw) ?? conceptIdFromTbx(raw).id;
  const linesById = new Map<string, number[]>();
  for (const [i, raw] of rawIds.entries()) {
    if (raw === '') continue;
    const id = idOfRaw.get(raw)!;
    linesById.set(id, [...(linesById.get(id) ?? []), lineOf(entries[i]!) ?? 0]);
  }

  const fileLang = root.attrs['xml:lang'];
  const concepts: Concept[] = [];
  const reports = entries.map((entry, i): GlossaryEntryReport => {
    const raw = rawIds[i]!;
    const line = lineOf(entry) ?? 0;
    const reader = new EntryReader(lineOf, linkTarget, options, fileLang);
    let id = '';
    if (raw === '') reader.problems.push('field id: the entry has no id');
    else {
      const derived = conceptIdFromTbx(raw);
      id = derived.id;
      if (derived.derived)
        reader.warnings.push(`the id "${raw}" is not a Pillars slug; read as "${id}"`);
      const sameId = linesById.get(id) ?? [];
      if (sameId.length > 1) {
        reader.problems.push(
          `field id: duplicate concept id "${id}" (entries at lines ${sameId.join(' and ')})`,
        );
      }
    }
    reader.readConcept(entry);
    if (reader.domain === undefined && !reader.domainReported) {
      reader.problems.push(
        'field subjectField: the entry has no subjectField (the concept domain)',
      );
    }
    const parsed = conceptSchema.safeParse(reader.input(id));
    if (!parsed.success) {
      const known = new Set(['domain', ...(raw === '' ? ['id'] : [])]);
      const relevant = new z.ZodError(
        parsed.error.issues.filter((issue) => !known.has(String(issue.path[0]))),
      );
      reader.problems.push(
        ...issueMessages(relevant, (path) => describeIssuePath(path, reader.lines)),
      );
    }
    const warningsOfEntry = [...reader.warnings, ...reader.ignoredWarnings()];
    if (reader.problems.length > 0 || !parsed.success) {
      return {
        conceptId: id,
        line,
        outcome: 'rejected',
        reason: reader.problems.join('; '),
        warnings: warningsOfEntry,
      };
    }
    concepts.push(parsed.data);
    return { conceptId: id, line, outcome: 'accepted', reason: '', warnings: warningsOfEntry };
  });
  return { concepts, entries: reports, warnings };
}
