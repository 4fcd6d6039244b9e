/**
 * @module The .docx extractor. Order matters for safety: the zip's directory is checked by our
 * own reader (zip-guard.ts) and every entry is inflated under its declared size and CRC before
 * mammoth is handed the bytes; the XML parts are refused if they carry a DOCTYPE or ENTITY.
 * Only then does mammoth convert the document to HTML (headings → h1–h6, numbered paragraphs →
 * li), which the HTML walker turns into blocks. Paragraph numbers come from our replay of
 * Word's numbering (docx-numbering.ts), passed to the walker as marks in front of the text.
 */
import mammoth from 'mammoth';
import { ExtractionError, type Extractor, type TextBlock } from '../extracted-document.js';
import { numberParagraphs, paragraphKey, type NumberedParagraph } from './docx-numbering.js';
import { parseHtml } from './html-blocks.js';
import { NUM_MARK_END, NUM_MARK_START, collapseWhitespace } from './html-text.js';
import { parseXml, textContent, elementsOf } from './xml-guard-parse.js';
import { assertSafeXml, decodeXmlBytes } from './xml-guard.js';
import { inflateEntry, looksLikeZip, readZipDirectory } from './zip-guard.js';

/** Mammoth's defaults cover "Heading 1"–"Heading 6" and numbered paragraphs; these add the rest. */
const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Subtitle'] => h2:fresh",
  // Word's built-in list styles number through the style, which mammoth does not follow.
  "p[style-name='List Number'] => ol > li:fresh",
  "p[style-name='List Bullet'] => ul > li:fresh",
  "p[style-name='List Number 2'] => ol|ul > li > ol > li:fresh",
  "p[style-name='List Bullet 2'] => ol|ul > li > ul > li:fresh",
];

/** Parts mammoth (or we) parse; anything else in the zip is never read as XML. */
const PARSED_PART =
  /^(?:word\/.*\.xml|word\/_rels\/.*\.rels|_rels\/\.rels|\[Content_Types\]\.xml|docProps\/core\.xml)$/u;
const KEPT_PARTS = [
  'word/document.xml',
  'word/numbering.xml',
  'word/styles.xml',
  'docProps/core.xml',
];
const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** How far ahead of the last matched paragraph a numbered paragraph is looked for. */
const MATCH_WINDOW = 64;

interface MammothElement {
  type: string;
  value?: string;
  children?: MammothElement[];
}

function mismatch(names: ReadonlySet<string>): never {
  const hint = [...names].some((n) => n.startsWith('xl/'))
    ? ' (it looks like an Excel workbook)'
    : [...names].some((n) => n.startsWith('ppt/'))
      ? ' (it looks like a PowerPoint presentation)'
      : names.has('content.xml') && names.has('mimetype')
        ? ' (it looks like an OpenDocument file; save it as .docx)'
        : '';
  throw new ExtractionError('format_mismatch', `a zip file, but not a Word document${hint}`);
}

/** Inflates under the guard's limits, refuses unsafe XML parts, keeps the parts we read. */
function readParts(input: Buffer, limits: Parameters<Extractor>[1]): Map<string, string> {
  const entries = readZipDirectory(input, limits);
  const names = new Set(entries.map((e) => e.name));
  if (!names.has('word/document.xml')) mismatch(names);
  const kept = new Map<string, string>();
  for (const entry of entries) {
    const data = inflateEntry(input, entry);
    if (!PARSED_PART.test(entry.name)) continue;
    let text: string;
    try {
      text = decodeXmlBytes(data);
    } catch (error) {
      throw new ExtractionError('corrupt_file', `${entry.name}: ${(error as Error).message}`);
    }
    assertSafeXml(text, { part: entry.name });
    if (KEPT_PARTS.includes(entry.name)) kept.set(entry.name, text);
  }
  return kept;
}

/** dc:title from the core properties; a damaged core.xml only costs the title. */
function coreTitle(coreXml: string | undefined): string | undefined {
  if (coreXml === undefined) return undefined;
  try {
    const root = parseXml(coreXml, { part: 'docProps/core.xml' });
    const title = elementsOf(root).find((e) => e.local === 'title');
    const text = title ? collapseWhitespace(textContent(title)).normalize('NFC') : '';
    return text === '' ? undefined : text;
  } catch {
    return undefined;
  }
}

/** The "6" of "6." and the "(a)" of "(a)": the trailing full stop is punctuation, not number. */
function numFromLabel(label: string): string {
  return label.trim().replace(/\.$/u, '');
}

/** Puts each numbered paragraph's label in front of its text, matching paragraphs by text key. */
function attachNumbers(plan: readonly NumberedParagraph[], placed: { count: number }) {
  let cursor = 0;
  const textOf = (element: MammothElement): string =>
    element.type === 'text' ? (element.value ?? '') : (element.children ?? []).map(textOf).join('');
  const find = (key: string): number => {
    // An empty paragraph matches only in place, so it cannot drag the cursor past real ones.
    if (key === '') return plan[cursor]?.key === '' ? cursor : -1;
    for (let j = cursor; j < Math.min(plan.length, cursor + MATCH_WINDOW); j++) {
      if (plan[j]!.key === key) return j;
    }
    return -1;
  };
  const visit = (element: MammothElement): MammothElement => {
    if (element.type === 'paragraph') {
      const at = find(paragraphKey(textOf(element)));
      const label = at >= 0 ? plan[at]!.label : null;
      if (at >= 0) cursor = at + 1;
      if (label !== null) {
        const mark = `${NUM_MARK_START}${numFromLabel(label)}${NUM_MARK_END}`;
        element.children = [{ type: 'text', value: mark }, ...(element.children ?? [])];
        placed.count++;
      }
    }
    element.children?.forEach(visit);
    return element;
  };
  return visit;
}

export const extractDocx: Extractor = async (input, limits) => {
  if (input.length === 0) throw new ExtractionError('empty_file', 'the file is empty');
  if (input.length > limits.maxInputBytes) {
    throw new ExtractionError(
      'too_large',
      `the file is ${input.length} bytes; the limit is ${limits.maxInputBytes}`,
    );
  }
  if (!looksLikeZip(input)) {
    throw new ExtractionError(
      'format_mismatch',
      input.subarray(0, 8).equals(OLE2)
        ? 'a Word 97–2003 (.doc) or password-protected file, not a .docx: save it as .docx without a password'
        : 'not a Word document (.docx): the file is not a zip archive',
    );
  }
  const parts = readParts(input, limits);
  const warnings: string[] = [];
  let plan: NumberedParagraph[] = [];
  try {
    plan = numberParagraphs(
      parts.get('word/document.xml')!,
      parts.get('word/numbering.xml'),
      parts.get('word/styles.xml'),
    );
  } catch (error) {
    if (error instanceof ExtractionError && error.code === 'invalid_xml') {
      throw new ExtractionError('corrupt_file', `the document is damaged: ${error.message}`);
    }
    if (error instanceof ExtractionError) throw error;
    // Numbers are an addition to the text; a surprise in numbering.xml must not cost the text.
    warnings.push(`paragraph numbers could not be computed: ${(error as Error).message}`);
  }

  const placed = { count: 0 };
  let result: Awaited<ReturnType<typeof mammoth.convertToHtml>>;
  try {
    result = await mammoth.convertToHtml(
      { buffer: input },
      {
        styleMap: STYLE_MAP,
        includeEmbeddedStyleMap: false, // a style map inside the file is the sender's, not ours
        externalFileAccess: false,
        // Images are not text; skipping them also keeps their bytes out of the HTML.
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
        transformDocument: attachNumbers(plan, placed),
      },
    );
  } catch (error) {
    throw new ExtractionError(
      'corrupt_file',
      `the document could not be read: ${(error as Error).message}`,
    );
  }

  const { blocks } = parseHtml(result.value, limits, { olNumbers: false, numberMarks: true });
  warnings.push(...new Set(result.messages.map((m) => m.message)));
  const numbered = plan.filter((p) => p.label !== null).length;
  if (placed.count < numbered) {
    warnings.push(
      `${numbered - placed.count} of ${numbered} Word paragraph numbers could not be placed`,
    );
  }
  const heading = blocks.find((b: TextBlock) => b.kind === 'heading')?.text;
  const title = heading ?? coreTitle(parts.get('docProps/core.xml'));
  return {
    format: 'docx',
    blocks,
    metadata: title !== undefined ? { title } : {},
    warnings,
    extractor: 'mammoth',
  };
};
