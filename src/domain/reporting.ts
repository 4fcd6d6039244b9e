/**
 * @module National reports: templates of the standard framework, a report per State and cycle,
 * its numbered versions, and the workflow a version moves through.
 */
import { z } from 'zod';
import { LANGUAGES } from './language-codes.js';

export const TEMPLATE_KINDS = ['nws', 'nnws'] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

export const REPORT_PILLARS = [
  'general',
  'disarmament',
  'non-proliferation',
  'peaceful-uses',
] as const;

const inLanguages = (max: number) =>
  z.object(
    Object.fromEntries(LANGUAGES.map((l) => [l, z.string().trim().min(1).max(max)])),
  ) as z.ZodObject<Record<(typeof LANGUAGES)[number], z.ZodString>>;

export const templateSectionSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
    number: z.string().regex(/^\d+(?:\.\d+)*$/),
    pillar: z.enum(REPORT_PILLARS),
    title: inLanguages(120),
    actions: z.array(z.string().regex(/^AP2010-(?:A\d{1,2}|ME)$/)).min(1),
    guidance: z
      .object({
        en: z.string().min(1).max(3000),
        zh: z.string().min(1).max(3000),
        origin: z.literal('ours'),
      })
      .strict(),
  })
  .strict();
export type TemplateSection = z.infer<typeof templateSectionSchema>;

export const reportTemplateSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    version: z.number().int().positive(),
    kind: z.enum(TEMPLATE_KINDS),
    title: inLanguages(200),
    basis: z.string().min(1).max(3000),
    sections: z.array(templateSectionSchema).min(1),
  })
  .strict()
  .superRefine((template, ctx) => {
    const seen = new Set<string>();
    for (const [i, section] of template.sections.entries()) {
      if (seen.has(section.id))
        ctx.addIssue({
          code: 'custom',
          path: ['sections', i, 'id'],
          message: `duplicate section id ${section.id}`,
        });
      seen.add(section.id);
    }
  });
export type ReportTemplate = z.infer<typeof reportTemplateSchema>;

/** draft → in_clearance → submitted → published; withdrawn from any state before publication. */
export const REPORT_STATUSES = [
  'draft',
  'in_clearance',
  'submitted',
  'published',
  'withdrawn',
] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const REPORT_TRANSITIONS = [
  'send_to_clearance',
  'return_to_draft',
  'submit',
  'publish',
  'withdraw',
] as const;
export type ReportTransition = (typeof REPORT_TRANSITIONS)[number];

/** Public: anyone, and the text joins the public document corpus. States parties: signed-in users. */
export const REPORT_VISIBILITIES = ['public', 'states_parties'] as const;
export type ReportVisibility = (typeof REPORT_VISIBILITIES)[number];

/** A review cycle, named by the year of its Review Conference. */
export const cycleSchema = z
  .string()
  .regex(/^(?:19|20)\d\d$/, 'a cycle is the year of its Review Conference, e.g. 2026');

/** Section id → text. Plain text with blank lines between paragraphs; never HTML. */
export const SECTION_TEXT_MAX = 100_000;
export type ReportSections = Readonly<Record<string, string>>;

export interface ReportVersion {
  readonly version: number;
  readonly status: ReportStatus;
  /** Counts edits of this version; an edit names the revision it was based on. */
  readonly revision: number;
  readonly sections: ReportSections;
  /** Fixed when the version is submitted: SHA-256 of its canonical content. */
  readonly contentHash: string | null;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly updatedAt: string;
  readonly updatedBy: string;
  readonly submittedAt: string | null;
  readonly publishedAt: string | null;
  /** The document symbol it was published under (public reports become documents). */
  readonly publishedSymbol: string | null;
}

export interface Report {
  readonly id: string;
  readonly stateCode: string;
  readonly cycle: string;
  readonly title: string;
  readonly templateId: string;
  readonly templateVersion: number;
  readonly visibility: ReportVisibility;
  readonly derivedFrom: string | null;
  readonly createdAt: string;
  readonly createdBy: string;
  /** Every version the asker may see, newest last. */
  readonly versions: readonly ReportVersion[];
}
