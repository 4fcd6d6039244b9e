/**
 * @module A report version as a standalone HTML page (escaped text, never the author's markup:
 * what a delegate typed cannot run in a reader's browser), a PDF printed from it, and a .docx.
 */
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { escapeHtml } from '../diff/redline-html.js';
import { RTL_LANGUAGES, type Lang } from '../domain/language-codes.js';
import type { ReportTemplate, ReportVersion } from '../domain/reporting.js';
import type { StoredReport } from './report-queries.js';
import { reportSegments } from './report-document.js';

export interface ReportRendering {
  readonly report: StoredReport;
  readonly version: ReportVersion;
  readonly template: ReportTemplate;
  readonly lang: Lang;
}

function statusLine({ report, version }: ReportRendering): string {
  const parts = [
    `${report.stateCode}`,
    `cycle ${report.cycle}`,
    `version ${version.version}`,
    version.status.replace('_', ' '),
  ];
  if (version.publishedSymbol) parts.push(version.publishedSymbol);
  if (version.contentHash) parts.push(`SHA-256 ${version.contentHash}`);
  return parts.join(' · ');
}

export function reportHtml(rendering: ReportRendering): string {
  const { report, version, template, lang } = rendering;
  const dir = RTL_LANGUAGES.has(lang) ? 'rtl' : 'ltr';
  const body = reportSegments(report.title, version, template, lang)
    .map((s) => {
      if (s.kind === 'title') return `<h1>${escapeHtml(s.text)}</h1>`;
      if (s.kind === 'heading')
        return `<h2 id="${s.eId}">${escapeHtml(`${s.num ?? ''} ${s.text}`.trim())}</h2>`;
      return `<p id="${s.eId}"><span class="num">${escapeHtml(s.num ?? '')}.</span> ${escapeHtml(s.text)}</p>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="${lang}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(report.title)}</title>
<style>
  @page { size: A4; margin: 20mm; }
  body { font-family: "Noto Serif", "Noto Serif CJK SC", "Noto Naskh Arabic", serif; line-height: 1.5; max-width: 46rem; margin: 2rem auto; }
  h1 { font-size: 1.4rem; } h2 { font-size: 1.1rem; margin-top: 1.5rem; }
  .meta { color: #555; font-size: 0.85rem; } .num { color: #555; }
</style>
</head>
<body>
<p class="meta">${escapeHtml(statusLine(rendering))}</p>
${body}
</body>
</html>
`;
}

export async function reportDocx(rendering: ReportRendering): Promise<Buffer> {
  const { report, version, template, lang } = rendering;
  const bidirectional = RTL_LANGUAGES.has(lang);
  const children = [
    new Paragraph({
      children: [new TextRun({ text: statusLine(rendering), size: 18, color: '555555' })],
      bidirectional,
    }),
    ...reportSegments(report.title, version, template, lang).map((s) => {
      if (s.kind === 'title')
        return new Paragraph({ text: s.text, heading: HeadingLevel.TITLE, bidirectional });
      if (s.kind === 'heading')
        return new Paragraph({
          text: `${s.num ?? ''} ${s.text}`.trim(),
          heading: HeadingLevel.HEADING_1,
          bidirectional,
        });
      return new Paragraph({
        children: [new TextRun(`${s.num ?? ''}.\t${s.text}`)],
        alignment: bidirectional ? AlignmentType.RIGHT : AlignmentType.LEFT,
        bidirectional,
      });
    }),
  ];
  const document = new Document({
    creator: 'Pillars',
    title: report.title,
    sections: [{ children }],
  });
  return Packer.toBuffer(document);
}
