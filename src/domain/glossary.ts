/**
 * @module The glossary as the rest of the system sees it: a concept-based term base. A concept has
 * a domain, links to other concepts, and per language definitions and terms; every change is a
 * revision, and an edition is a published set of concept revisions.
 */
import { z } from 'zod';
import { GLOSSARY_DOMAINS } from './glossary-domains.js';
import { LANGUAGES, type Lang } from './language-codes.js';

export { GLOSSARY_DOMAINS, type GlossaryDomain } from './glossary-domains.js';

/** TBX-Basic's administrative statuses, shortened. */
export const TERM_STATUSES = ['preferred', 'admitted', 'deprecated'] as const;
export type TermStatus = (typeof TERM_STATUSES)[number];

/** TBX-Basic's term types we use. */
export const TERM_TYPES = ['fullForm', 'abbreviation', 'acronym', 'shortForm', 'variant'] as const;
export type TermType = (typeof TERM_TYPES)[number];

/** TBX-Basic's parts of speech. */
export const PARTS_OF_SPEECH = [
  'noun',
  'properNoun',
  'verb',
  'adjective',
  'adverb',
  'other',
] as const;
export type PartOfSpeech = (typeof PARTS_OF_SPEECH)[number];

/** A concept id: a lower-case slug, stable across editions ("additional-protocol"). */
export const conceptIdSchema = z
  .string()
  .regex(
    /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
    'a concept id is a lower-case slug such as "additional-protocol"',
  )
  .max(80);

const text = (max: number) => z.string().trim().min(1).max(max);

export const termSchema = z
  .object({
    text: text(300),
    status: z.enum(TERM_STATUSES),
    type: z.enum(TERM_TYPES).default('fullForm'),
    partOfSpeech: z.enum(PARTS_OF_SPEECH).default('noun'),
    /** Why a term is deprecated or what to use it for; free text. */
    note: text(1000).optional(),
  })
  .strict();
export type Term = z.infer<typeof termSchema>;

/**
 * A definition. `origin: "ours"` marks wording written by the Pillars editors (never copied from
 * a published glossary); an imported definition keeps the source it came with.
 */
export const definitionSchema = z
  .object({
    text: text(4000),
    origin: z.enum(['ours', 'imported']),
    source: text(500).optional(),
  })
  .strict();
export type Definition = z.infer<typeof definitionSchema>;

export const languageSectionSchema = z
  .object({
    definition: definitionSchema.optional(),
    terms: z.array(termSchema).min(1).max(50),
  })
  .strict();
export type LanguageSection = z.infer<typeof languageSectionSchema>;

export const conceptSchema = z
  .object({
    id: conceptIdSchema,
    domain: z.enum(GLOSSARY_DOMAINS),
    /** More general concepts (narrower links are their inverse, derived, never stored). */
    broader: z.array(conceptIdSchema).default([]),
    related: z.array(conceptIdSchema).default([]),
    note: text(2000).optional(),
    languages: z.partialRecord(z.enum(LANGUAGES), languageSectionSchema),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (Object.keys(c.languages).length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['languages'],
        message: 'a concept needs terms in at least one language',
      });
    }
    for (const [lang, section] of Object.entries(c.languages)) {
      if (!section.terms.some((t) => t.status === 'preferred')) {
        ctx.addIssue({
          code: 'custom',
          path: ['languages', lang, 'terms'],
          message: `no preferred term in ${lang}`,
        });
      }
      const seen = new Set<string>();
      for (const [i, t] of section.terms.entries()) {
        const key = t.text.normalize('NFKC').toLowerCase();
        if (seen.has(key)) {
          ctx.addIssue({
            code: 'custom',
            path: ['languages', lang, 'terms', i],
            message: `duplicate term "${t.text}"`,
          });
        }
        seen.add(key);
      }
    }
    if (c.broader.includes(c.id) || c.related.includes(c.id)) {
      ctx.addIssue({
        code: 'custom',
        path: ['broader'],
        message: 'a concept cannot link to itself',
      });
    }
  });
export type Concept = z.infer<typeof conceptSchema>;
export type ConceptInput = z.input<typeof conceptSchema>;

/** A bundled glossary file (data/glossary/*.json). */
export const glossaryFileSchema = z.object({ concepts: z.array(conceptSchema) }).strict();

/** A concept as stored: its content plus the revision it is at. */
export interface StoredConcept extends Concept {
  readonly revision: number;
  readonly updatedAt: string;
  /** Derived from the other concepts' `broader` links. */
  readonly narrower: string[];
}

export interface ConceptRevision {
  readonly conceptId: string;
  readonly revision: number;
  readonly actor: string;
  readonly at: string;
  readonly comment: string;
  /** null when the revision removed the concept. */
  readonly concept: Concept | null;
}

export interface GlossaryEdition {
  readonly id: string;
  readonly title: string;
  readonly publishedAt: string;
  readonly actor: string;
  readonly comment: string;
  readonly conceptCount: number;
}

/** What an import did with one entry. */
export interface ImportEntryResult {
  readonly conceptId: string;
  readonly outcome: 'added' | 'changed' | 'merged' | 'unchanged' | 'rejected';
  readonly reason: string;
  /** Where the entry was in the imported file (line of the TBX conceptEntry or CSV row). */
  readonly line?: number;
}

/** A term found in a text by the annotator. Offsets are UTF-16 code units in the original text. */
export interface TermMatch {
  readonly start: number;
  readonly end: number;
  readonly conceptId: string;
  readonly lang: Lang;
  readonly status: TermStatus;
  /** The glossary term that matched (its text as written in the glossary). */
  readonly term: string;
}

/** One finding of the consistency check. */
export interface ConsistencyFinding {
  readonly kind: 'missing' | 'deprecated';
  readonly conceptId: string;
  /** Source and target segment eIds ("para_3"); target null when the source paragraph has no counterpart. */
  readonly sourceEid: string;
  readonly targetEid: string | null;
  /** The source term found. */
  readonly sourceTerm: string;
  /** For `deprecated`: the deprecated target term used; for `missing`: null. */
  readonly targetTerm: string | null;
  /** The preferred and admitted target terms that were expected. */
  readonly expected: readonly string[];
}
