/**
 * @module The monitoring report of one review cycle as one standalone, print-ready HTML document
 * (A4, page numbers, fonts for all six languages): a title page with the evidence-per-pillar chart
 * (ECharts server-side SVG, inline), then per pillar and per action our summary, treaty figures,
 * the assessments (boxed apart: they are judgements) and the evidence quotes, each in its own
 * language and direction. `print-pdf.ts` turns it into a PDF.
 */
import * as echarts from 'echarts';
import type { MonitoringAction, MonitoringData } from '../domain/evidence.js';
import { ENDONYMS, isLang, RTL_LANGUAGES } from '../domain/language-codes.js';
import { MESSAGES, OFFICIAL_SYMBOL, type Messages } from './monitoring-report-messages.js';

type ReportLang = MonitoringData['lang'];
type Evidence = MonitoringAction['evidence'][number];
type Assessment = MonitoringAction['assessments'][number];

const FONT_LATIN = "'Noto Sans', 'DejaVu Sans'";
const FONT_ARABIC = "'Noto Naskh Arabic', 'Noto Sans Arabic'";
const FONT_CJK = "'Noto Sans CJK SC'";

/**
 * Every stack names all three scripts; the order decides who draws shared code points (digits,
 * quotes, punctuation). Chinese quotes put CJK first for full-width punctuation, but labels of a
 * Chinese report keep Latin first: symbols like NPT/CONF.2015/PC.II/12 look wrong in CJK's Latin.
 */
function fontStack(lang: string): string {
  if (lang === 'ar') return `${FONT_ARABIC}, ${FONT_LATIN}, ${FONT_CJK}, sans-serif`;
  if (lang === 'zh-quote') return `${FONT_CJK}, ${FONT_LATIN}, ${FONT_ARABIC}, sans-serif`;
  return `${FONT_LATIN}, ${FONT_CJK}, ${FONT_ARABIC}, sans-serif`;
}

const escape = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

const fill = (template: string, values: Readonly<Record<string, string>>) =>
  template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);

/** `zh` alone lets Chromium fall back to Japanese or Korean glyph shapes; name the script. */
const htmlLang = (lang: string) => (lang === 'zh' ? 'zh-Hans' : lang);

const dirOf = (lang: string) => (isLang(lang) && RTL_LANGUAGES.has(lang) ? 'rtl' : 'ltr');

/** Dates in the report's language but with Latin digits, like the symbols and numbers around them. */
function formatDate(iso: string, lang: ReportLang): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(`${lang}-u-nu-latn`, {
    dateStyle: 'long',
    timeZone: 'UTC',
  }).format(date);
}

const anchor = (prefix: string, id: string) => `${prefix}-${id.replace(/[^A-Za-z0-9_-]/g, '_')}`;

/** Rejected suggestions are not evidence: they never reach the report. */
const shownEvidence = (action: MonitoringAction) =>
  action.evidence.filter((e) => e.status !== 'rejected');

function actionLabel(action: MonitoringAction, m: Messages): string {
  return action.number === null ? action.id : fill(m.action, { n: String(action.number) });
}

const CONFIRMED_COLOR = '#1d4e89';
const SUGGESTED_COLOR = '#e3b04b';
/** Room for pillar titles beside the bars: fixed, because ECharts' SSR text measuring guesses. */
const LABEL_GUTTER = 200;

/**
 * Horizontal stacked bars, mirrored for right-to-left reports. Title and legend are left to the
 * HTML around it (see `renderOverview`): SVG text does no line breaking and ECharts places
 * mixed-direction legend text badly, while HTML gets both right in every language.
 */
export function renderEvidenceOverviewSvg(data: MonitoringData): string {
  const m = MESSAGES[data.lang];
  const rtl = dirOf(data.lang) === 'rtl';
  const titles = new Map<string, string>(data.pillars.map((p) => [p.id, p.title]));
  const categories = data.totals.map((t) => titles.get(t.pillar) ?? t.pillar);
  const fontFamily = fontStack(data.lang).replace(/'/g, '');
  const height = 40 + Math.max(1, data.totals.length) * 46;
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 680, height });
  chart.setOption({
    animation: false,
    aria: { enabled: true, label: { description: m.overview } },
    textStyle: { fontFamily },
    grid: {
      left: rtl ? 24 : LABEL_GUTTER,
      right: rtl ? LABEL_GUTTER : 24,
      top: 8,
      bottom: 28,
    },
    xAxis: { type: 'value', minInterval: 1, inverse: rtl },
    yAxis: {
      type: 'category',
      data: categories,
      inverse: true,
      position: rtl ? 'right' : 'left',
      axisLabel: {
        fontFamily,
        fontSize: 13,
        width: LABEL_GUTTER - 16,
        overflow: 'break',
        color: '#1b2430',
      },
    },
    series: [
      {
        name: m.confirmed,
        type: 'bar',
        stack: 'evidence',
        color: CONFIRMED_COLOR,
        barMaxWidth: 26,
        label: { show: true, color: '#fff', formatter: nonZeroLabel },
        data: data.totals.map((t) => t.confirmed),
      },
      {
        name: m.suggested,
        type: 'bar',
        stack: 'evidence',
        color: SUGGESTED_COLOR,
        barMaxWidth: 26,
        label: { show: true, color: '#1b2430', formatter: nonZeroLabel },
        data: data.totals.map((t) => t.suggested),
      },
    ],
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

function renderOverview(data: MonitoringData, m: Messages): string {
  const key = (color: string, label: string) =>
    `<span class="key"><span class="swatch" style="background:${color}"></span>${escape(label)}</span>`;
  return `<figure class="overview"><figcaption><span class="overview-title">${escape(m.overview)}</span><span class="legend">${key(CONFIRMED_COLOR, m.confirmed)}${key(SUGGESTED_COLOR, m.suggested)}</span></figcaption>${renderEvidenceOverviewSvg(data)}</figure>`;
}

const nonZeroLabel = (params: { value?: unknown }) =>
  typeof params.value === 'number' && params.value > 0 ? String(params.value) : '';

function renderFigures(action: MonitoringAction, m: Messages): string {
  if (action.treatyFigures.length === 0) return '';
  const rows = action.treatyFigures
    .map(
      (f) =>
        `<tr><th scope="row">${escape(f.label)}</th><td class="figure-value"><bdi>${escape(f.value)}</bdi></td><td class="figure-source">${escape(m.source)}: <bdi>${escape(f.source)}</bdi></td></tr>`,
    )
    .join('');
  return `<table class="figures"><caption>${escape(m.treatyFigures)}</caption><tbody>${rows}</tbody></table>`;
}

function renderAssessments(
  assessments: readonly Assessment[],
  lang: ReportLang,
  m: Messages,
): string {
  if (assessments.length === 0) return '';
  const rows = assessments
    .map(
      (a) =>
        `<tr><td><bdi>${escape(a.state)}</bdi></td><td class="assessment-status status-${escape(a.status)}">${escape(m.assessmentStatus[a.status])}</td><td dir="auto">${escape(a.rationale)}</td><td><bdi>${escape(a.actor)}</bdi></td><td class="nowrap"><time datetime="${escape(a.at)}">${escape(formatDate(a.at, lang))}</time></td></tr>`,
    )
    .join('');
  return `<aside class="assessments" aria-label="${escape(m.assessments)}"><h4>${escape(m.assessments)}</h4><p class="judgement-note">${escape(m.assessmentsNote)}</p><table><thead><tr><th scope="col">${escape(m.colState)}</th><th scope="col">${escape(m.colStatus)}</th><th scope="col">${escape(m.colRationale)}</th><th scope="col">${escape(m.colBy)}</th><th scope="col">${escape(m.colDate)}</th></tr></thead><tbody>${rows}</tbody></table></aside>`;
}

function renderQuote(e: Evidence, m: Messages): string {
  const lang = isLang(e.lang) ? e.lang : undefined;
  const status =
    e.status === 'confirmed'
      ? `<span class="badge badge-confirmed">${escape(m.confirmed)}</span>`
      : `<span class="badge badge-suggested">${escape(m.unreviewed)}</span>`;
  const meta = [
    `<span class="meta-item">${escape(m.language)}: <span lang="${escape(htmlLang(e.lang))}">${escape(lang ? ENDONYMS[lang] : e.lang)}</span></span>`,
    e.states.length > 0
      ? `<span class="meta-item">${escape(m.states)}: ${e.states.map((s) => `<bdi>${escape(s)}</bdi>`).join(escape(m.listSeparator))}</span>`
      : '',
    e.stance
      ? `<span class="meta-item">${escape(m.stance)}: ${escape(m.stances[e.stance])}</span>`
      : '',
  ]
    .filter(Boolean)
    .join('');
  return `<li class="quote quote-${escape(e.status)}"><div class="quote-head"><cite><bdi>${escape(e.citation)}</bdi></cite>${status}</div><blockquote lang="${escape(htmlLang(e.lang))}" dir="${dirOf(e.lang)}">${escape(e.text)}</blockquote><div class="quote-meta">${meta}</div></li>`;
}

function renderSummary(action: MonitoringAction, m: Messages): string {
  const official = action.source
    ? ` <span class="official">${escape(m.officialText)}: <bdi>${escape(action.source)}</bdi></span>`
    : '';
  return `<p class="summary"><span class="ours">${escape(m.ourSummary)}</span> <bdi>${escape(action.summary)}</bdi>${official}</p>`;
}

function renderAction(action: MonitoringAction, lang: ReportLang, m: Messages): string {
  const evidence = shownEvidence(action);
  const evidenceBlock =
    evidence.length > 0
      ? `<section class="evidence"><h4>${escape(m.evidence)}</h4><ol class="quotes">${evidence.map((e) => renderQuote(e, m)).join('')}</ol></section>`
      : `<p class="no-evidence">${escape(m.noEvidence)}</p>`;
  return `<article class="action" id="${anchor('action', action.id)}"><h3>${escape(actionLabel(action, m))}</h3>${renderSummary(action, m)}${renderFigures(action, m)}${renderAssessments(action.assessments, lang, m)}${evidenceBlock}</article>`;
}

function renderCompact(action: MonitoringAction, m: Messages): string {
  const figures = action.treatyFigures
    .map(
      (f) =>
        `<span class="compact-figure">${escape(f.label)}: <bdi>${escape(f.value)}</bdi> (<bdi>${escape(f.source)}</bdi>)</span>`,
    )
    .join('');
  return `<li id="${anchor('action', action.id)}"><strong>${escape(actionLabel(action, m))}</strong> <span class="ours" title="${escape(m.ourSummary)}">${escape(m.ourSummary)}</span> <bdi>${escape(action.summary)}</bdi> <em class="no-evidence">${escape(m.noEvidence)}</em>${figures}</li>`;
}

/** Actions with nothing recorded are grouped into compact lists, keeping the Action Plan's order. */
function renderActions(
  actions: readonly MonitoringAction[],
  lang: ReportLang,
  m: Messages,
): string {
  const parts: string[] = [];
  let compact: string[] = [];
  const flush = () => {
    if (compact.length > 0) parts.push(`<ul class="compact">${compact.join('')}</ul>`);
    compact = [];
  };
  for (const action of actions) {
    if (shownEvidence(action).length === 0 && action.assessments.length === 0) {
      compact.push(renderCompact(action, m));
    } else {
      flush();
      parts.push(renderAction(action, lang, m));
    }
  }
  flush();
  return parts.join('');
}

function styles(lang: ReportLang, m: Messages): string {
  const quote = (part: string) => `"${part.replace(/"/g, '\\"')}"`;
  const [before, between, after] = m.pageLabel;
  const pageLabel = `${quote(before)} counter(page) ${quote(between)} counter(pages) ${quote(after)}`;
  return `
@page { size: A4; margin: 18mm 17mm 20mm;
  @bottom-center { content: ${pageLabel}; font-family: ${fontStack(lang)}; font-size: 8.5pt; color: #525d6b; } }
@page :first { @bottom-center { content: none; } }
:root { --ink: #1b2430; --muted: #525d6b; --line: #d5dae1; --accent: #1d4e89;
  --notice: #fff6df; --notice-line: #c98a00; --judgement: #f4f1fa; --judgement-line: #6b4c9a; }
* { box-sizing: border-box; }
html { font-family: ${fontStack('en')}; color: var(--ink); font-size: 10pt; line-height: 1.5;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
:lang(ar) { font-family: ${fontStack('ar')}; }
:lang(zh) { font-family: ${fontStack('zh')}; }
blockquote:lang(zh) { font-family: ${fontStack('zh-quote')}; }
:lang(en), :lang(fr), :lang(ru), :lang(es) { font-family: ${fontStack('en')}; }
html:lang(ar) { line-height: 1.75; }
body { margin: 0; }
h1, h2, h3, h4 { line-height: 1.25; font-weight: 700; break-after: avoid; }
h1 { font-size: 22pt; margin: 0 0 6mm; color: var(--accent); }
h2 { font-size: 16pt; margin: 0 0 5mm; padding-bottom: 2mm; border-bottom: 2px solid var(--accent); }
h3 { font-size: 12pt; margin: 0 0 1.5mm; color: var(--accent); }
h4 { font-size: 10pt; margin: 0 0 1.5mm; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted); }
h4:lang(ar), h4:lang(zh), :lang(ar) h4, :lang(zh) h4 { text-transform: none; letter-spacing: 0; }
.title-page { break-after: page; }
.brand { font-size: 9pt; letter-spacing: 0.2em; text-transform: uppercase; color: var(--muted); margin: 8mm 0 2mm; }
.cycle { font-size: 14pt; margin: 0 0 1mm; }
.generated { color: var(--muted); margin: 0 0 8mm; }
.disclaimer { border-inline-start: 3px solid var(--accent); background: #e7eef7; padding: 3mm 4mm; margin: 0 0 10mm; }
.overview { margin: 0; break-inside: avoid; }
.overview figcaption { margin-bottom: 2mm; }
.overview-title { display: block; font-weight: 700; font-size: 12pt; margin-bottom: 1mm; }
.legend { display: flex; flex-wrap: wrap; gap: 1mm 6mm; font-size: 9pt; }
.key { display: inline-flex; align-items: center; gap: 1.5mm; }
.swatch { display: inline-block; width: 5mm; height: 3mm; border-radius: 1px; }
.overview svg { max-width: 100%; height: auto; }
/* An inherited rtl direction flips SVG text-anchor and ECharts' text lands outside the chart. */
.overview svg, .overview svg text { direction: ltr; unicode-bidi: isolate; }
.pillar { break-before: page; }
.action { margin: 0 0 7mm; padding-top: 1mm; }
.summary { margin: 0 0 3mm; }
.ours { display: inline-block; font-size: 7.5pt; font-weight: 700; text-transform: uppercase; letter-spacing: 0.05em;
  color: var(--muted); border: 1px solid var(--line); border-radius: 3px; padding: 0 1.5mm; margin-inline-end: 1mm; vertical-align: 1px; }
:lang(ar) .ours, :lang(zh) .ours { text-transform: none; letter-spacing: 0; }
.official { display: block; font-size: 8.5pt; color: var(--muted); }
table { border-collapse: collapse; width: 100%; font-size: 9pt; }
th, td { text-align: start; vertical-align: top; padding: 1mm 2mm; }
.figures { margin: 0 0 3mm; break-inside: avoid; }
.figures caption { text-align: start; font-weight: 700; font-size: 9pt; padding-bottom: 1mm; }
.figures th { font-weight: 400; width: 45%; }
.figures tr { border-top: 1px solid var(--line); }
.figure-value { font-weight: 700; white-space: nowrap; }
.figure-source { color: var(--muted); font-size: 8.5pt; }
.assessments { margin: 0 0 4mm; padding: 3mm 4mm; border: 1.5px solid var(--judgement-line);
  border-radius: 4px; background: var(--judgement); break-inside: avoid; }
.assessments h4 { color: var(--judgement-line); }
.judgement-note { margin: 0 0 2mm; font-size: 8.5pt; font-style: italic; color: var(--muted); }
:lang(ar) .judgement-note, :lang(zh) .judgement-note { font-style: normal; }
.assessments thead th { font-size: 8pt; color: var(--muted); border-bottom: 1px solid var(--judgement-line); }
.assessments tbody tr + tr td { border-top: 1px solid #ddd3ea; }
.assessment-status { font-weight: 700; white-space: nowrap; }
.nowrap { white-space: nowrap; }
.quotes { list-style: none; margin: 0; padding: 0; }
.quote { margin: 0 0 3mm; padding-block: 2mm; padding-inline: 4mm 3mm; border-inline-start: 3px solid var(--accent); break-inside: avoid; }
.quote-suggested { border: 1px dashed var(--notice-line); border-inline-start: 3px dashed var(--notice-line); background: var(--notice); }
.quote-head { display: flex; gap: 3mm; justify-content: space-between; align-items: baseline; margin-bottom: 1mm; }
cite { font-style: normal; font-weight: 700; font-size: 9pt; }
.badge { font-size: 7.5pt; font-weight: 700; border-radius: 3px; padding: 0.3mm 1.5mm; white-space: nowrap; }
.badge-confirmed { background: var(--accent); color: #fff; }
.badge-suggested { background: #fff; color: #7a5200; border: 1px solid var(--notice-line); }
blockquote { margin: 0 0 1mm; font-size: 10pt; }
blockquote:lang(zh) { line-height: 1.7; }
blockquote:lang(ar) { font-size: 11pt; line-height: 1.8; }
.quote-meta { font-size: 8pt; color: var(--muted); display: flex; flex-wrap: wrap; gap: 1mm 4mm; }
/* Naskh at Latin small-print sizes is hard to read: Arabic small print gets a size up. */
:lang(ar) .quote-meta, .quote-meta [lang='ar'], :lang(ar) .judgement-note, :lang(ar) .official,
:lang(ar) .figure-source, :lang(ar) thead th, :lang(ar) .badge, :lang(ar) .ours { font-size: 9.5pt; }
.no-evidence { color: var(--muted); font-style: italic; margin: 0 0 2mm; }
:lang(ar) .no-evidence, :lang(zh) .no-evidence { font-style: normal; }
.compact { list-style: none; margin: 0 0 6mm; padding: 0; font-size: 9pt; border-top: 1px solid var(--line); }
.compact li { padding: 1.2mm 0; border-bottom: 1px solid var(--line); break-inside: avoid; }
.compact .no-evidence { margin-inline-start: 2mm; }
.compact-figure { display: block; color: var(--muted); font-size: 8.5pt; }
`;
}

export function monitoringReportHtml(data: MonitoringData): string {
  const m = MESSAGES[data.lang];
  const lang = data.lang;
  const title = m.title;
  const pillars = data.pillars
    .map(
      (p) =>
        `<section class="pillar" id="${anchor('pillar', p.id)}"><h2>${escape(p.title)}</h2>${renderActions(p.actions, lang, m)}</section>`,
    )
    .join('\n');
  return `<!DOCTYPE html>
<html lang="${htmlLang(lang)}" dir="${dirOf(lang)}">
<head>
<meta charset="utf-8">
<title>${escape(`${title} — ${fill(m.cycle, { n: String(data.cycle) })}`)}</title>
<style>${styles(lang, m)}</style>
</head>
<body>
<header class="title-page">
<p class="brand"><bdi lang="en">Pillars</bdi></p>
<h1>${escape(title)}</h1>
<p class="cycle">${escape(fill(m.cycle, { n: String(data.cycle) }))}</p>
<p class="generated">${escape(m.generated).replace('{date}', `<time datetime="${escape(data.generatedAt)}">${escape(formatDate(data.generatedAt, lang))}</time>`)}</p>
<p class="disclaimer">${escape(m.disclaimer).replace(escape(OFFICIAL_SYMBOL), `<bdi dir="ltr" lang="en">${escape(OFFICIAL_SYMBOL)}</bdi>`)}</p>
${renderOverview(data, m)}
</header>
<main>
${pillars}
</main>
</body>
</html>
`;
}
