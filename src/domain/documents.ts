/**
 * @module Documents as Pillars holds them, after Akoma Ntoso's FRBR levels: a work (one UN
 * document, identified by its canonical symbol), its expressions (one per language, revision and
 * version), the manifestation each came from (a file), and the segments of an expression
 * (addressable paragraphs with AKN-style eIds such as `para_6` or `para_6__subpara_b`).
 */
import { z } from 'zod';
import { langSchema } from './languages.js';

export const SEGMENT_KINDS = [
  'title',
  'heading',
  'paragraph',
  'subparagraph',
  'list-item',
  'footnote',
] as const;
export const segmentKindSchema = z.enum(SEGMENT_KINDS);
export type SegmentKind = (typeof SEGMENT_KINDS)[number];

export const segmentSchema = z.object({
  /** AKN-style id, unique within the expression: `title`, `hcontainer_1`, `para_6`, `para_6__subpara_b`, `fn_1`. */
  eId: z.string().regex(/^[a-z][a-z0-9_]*$/),
  kind: segmentKindSchema,
  /** The number or letter as printed ("6", "(b)", "IV"), without the text; null when unnumbered. */
  num: z.string().nullable(),
  text: z.string(),
});
export type Segment = z.infer<typeof segmentSchema>;

export const documentFormatSchema = z.enum(['txt', 'docx', 'pdf', 'html', 'akn']);

export const manifestationSchema = z.object({
  id: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  fileName: z.string(),
  format: documentFormatSchema,
  size: z.number().int().nonnegative(),
  ingestedAt: z.string(),
});
export type Manifestation = z.infer<typeof manifestationSchema>;

export const expressionSchema = z.object({
  id: z.string(),
  workId: z.string(),
  lang: langSchema.or(z.literal('und')),
  /** The revision or correction this text is ("", "Rev.1", "Corr.1"), from the symbol's suffix. */
  revision: z.string(),
  /** 1 for the first file ingested for this work, language and revision; 2… for later files. */
  version: z.number().int().positive(),
  current: z.boolean(),
  title: z.string().nullable(),
  date: z.string().nullable(),
  /** The language the document was written in ("Original: English"), when the header says. */
  originalLang: langSchema.nullable(),
  place: z.string().nullable(),
  distribution: z.string().nullable(),
  agendaItem: z.string().nullable(),
  segmentCount: z.number().int().nonnegative(),
  manifestation: manifestationSchema,
  warnings: z.array(z.string()),
});
export type Expression = z.infer<typeof expressionSchema>;

export const workSchema = z.object({
  /** The canonical symbol, or `pillars:<12 hex>` for a document that has none (yet). */
  id: z.string(),
  symbol: z.string().nullable(),
  /** The document series ("WP", "RES", "PV", ...) from the symbol. */
  docType: z.string().nullable(),
  meetingId: z.string().nullable(),
  /** States (ISO alpha-3) and groups named as submitters. */
  authors: z.array(
    z.object({ kind: z.enum(['state', 'group']), id: z.string(), name: z.string() }),
  ),
  /** Whether a current language version carries a recorded vote (see /documents/{symbol}/votes). */
  hasRecordedVote: z.boolean(),
  expressions: z.array(expressionSchema.omit({ warnings: true })),
});
export type Work = z.infer<typeof workSchema>;
