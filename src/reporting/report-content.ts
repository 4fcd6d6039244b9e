/**
 * @module A report version's content: section texts keyed by template section id, the canonical
 * form its hash is taken over, and its paragraphs (blank-line separated plain text).
 */
import { createHash } from 'node:crypto';
import type { ReportSections, ReportTemplate } from '../domain/reporting.js';

/** Sections in template order, empty ones left out, texts with normalised line ends. */
export function canonicalSections(
  sections: ReportSections,
  template: ReportTemplate,
): [string, string][] {
  return template.sections
    .map((s): [string, string] => [s.id, (sections[s.id] ?? '').replace(/\r\n?/g, '\n').trim()])
    .filter(([, text]) => text !== '');
}

export function contentHash(sections: ReportSections, template: ReportTemplate): string {
  return createHash('sha256')
    .update(JSON.stringify([template.id, template.version, canonicalSections(sections, template)]))
    .digest('hex');
}

export function paragraphsOf(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
    .filter((p) => p !== '');
}

/** Sections carried into a new report: only those the (possibly newer) template still has. */
export function carryOver(
  sections: ReportSections,
  template: ReportTemplate,
): Record<string, string> {
  const ids = new Set(template.sections.map((s) => s.id));
  return Object.fromEntries(Object.entries(sections).filter(([id]) => ids.has(id)));
}
