/**
 * @module A report version as document segments: the title, then per section its heading and
 * numbered paragraphs. The same segments make the Akoma Ntoso of a published report and its
 * HTML, PDF and .docx exports, so every rendering says the same thing.
 */
import type { Segment } from '../domain/documents.js';
import type { Lang } from '../domain/language-codes.js';
import type { ReportTemplate, ReportVersion } from '../domain/reporting.js';
import { paragraphsOf } from './report-content.js';

export function reportSegments(
  title: string,
  version: ReportVersion,
  template: ReportTemplate,
  lang: Lang,
): Segment[] {
  const segments: Segment[] = [{ eId: 'title', kind: 'title', num: null, text: title }];
  let paragraph = 0;
  let heading = 0;
  for (const section of template.sections) {
    const paragraphs = paragraphsOf(version.sections[section.id] ?? '');
    if (paragraphs.length === 0) continue;
    heading++;
    segments.push({
      eId: `hcontainer_${heading}`,
      kind: 'heading',
      num: section.number,
      text: section.title[lang],
    });
    for (const text of paragraphs) {
      paragraph++;
      segments.push({ eId: `para_${paragraph}`, kind: 'paragraph', num: String(paragraph), text });
    }
  }
  return segments;
}
