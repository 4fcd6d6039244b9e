/**
 * @module The consistency check as a standalone HTML page a translator can open or attach: the
 * findings with both paragraphs' eIds, the term found and the agreed terms expected.
 */
import { RTL_LANGUAGES } from '../domain/language-codes.js';
import { escapeHtml } from '../diff/redline-html.js';
import type { ConsistencyReport } from '../glossary/consistency-check.js';

export function consistencyReportHtml(report: ConsistencyReport): string {
  const dir = (lang: string) => (RTL_LANGUAGES.has(lang as never) ? 'rtl' : 'ltr');
  const missing = report.findings.filter((f) => f.kind === 'missing').length;
  const deprecated = report.findings.length - missing;
  const rows = report.findings
    .map(
      (f) => `<tr class="${f.kind}">
  <td>${f.kind === 'missing' ? 'missing' : 'deprecated'}</td>
  <td><code>${escapeHtml(f.conceptId)}</code></td>
  <td><code>${escapeHtml(f.sourceEid)}</code> <span lang="${report.source}" dir="${dir(report.source)}">${escapeHtml(f.sourceTerm)}</span></td>
  <td><code>${escapeHtml(f.targetEid ?? '—')}</code> <span lang="${report.target}" dir="${dir(report.target)}">${escapeHtml(f.targetTerm ?? '')}</span></td>
  <td lang="${report.target}" dir="${dir(report.target)}">${f.expected.map(escapeHtml).join(' · ')}</td>
</tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Glossary consistency: ${escapeHtml(report.symbol)} ${report.source}→${report.target}</title>
<style>
body { font: 15px/1.45 system-ui, sans-serif; margin: 2rem; color: #1d2733; }
table { border-collapse: collapse; width: 100%; }
th, td { border-block-end: 1px solid #d5dbe3; padding: .4rem .5rem; text-align: start; vertical-align: top; }
tr.deprecated td:first-child { color: #9a4d00; }
tr.missing td:first-child { color: #a3162a; }
code { font-size: .9em; }
</style>
</head>
<body>
<h1>Glossary consistency: ${escapeHtml(report.symbol)}, ${report.source} → ${report.target}</h1>
<p>${report.conceptsChecked} concept uses checked in ${report.sourceParagraphs} source paragraphs: ${missing} missing, ${deprecated} deprecated.</p>
<table>
<thead><tr><th>Finding</th><th>Concept</th><th>Source (${report.source})</th><th>Target (${report.target})</th><th>Agreed terms</th></tr></thead>
<tbody>
${rows || '<tr><td colspan="5">No findings.</td></tr>'}
</tbody>
</table>
</body>
</html>
`;
}
