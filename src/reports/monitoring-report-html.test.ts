import { describe, expect, it } from 'vitest';
import { DomUtils, parseDocument } from 'htmlparser2';
import type { MonitoringAction, MonitoringData } from '../domain/evidence.js';
import { monitoringReportHtml } from './monitoring-report-html.js';

type Element = ReturnType<typeof DomUtils.findAll>[number];

const action = (
  over: Partial<MonitoringAction> & Pick<MonitoringAction, 'id'>,
): MonitoringAction => ({
  number: null,
  summary: '',
  source: 'NPT/CONF.2010/50 (Vol. I), p. 20',
  evidence: [],
  assessments: [],
  treatyFigures: [],
  ...over,
});

function fixture(lang: MonitoringData['lang']): MonitoringData {
  return {
    cycle: 2026,
    lang,
    generatedAt: '2025-11-20T09:30:00Z',
    pillars: [
      {
        id: 'disarmament',
        title: 'Nuclear disarmament',
        actions: [
          action({
            id: 'AP2010-A5',
            number: 5,
            summary: 'Nuclear-weapon States accelerate concrete progress on disarmament steps.',
            evidence: [
              {
                citation: 'NPT/CONF.2015/PC.II/12, para. 2',
                lang: 'zh',
                text: '五常重申致力于按照《不扩散条约》第六条的规定实现核裁军的共同目标。',
                states: ['CHN', 'FRA', 'GBR', 'RUS', 'USA'],
                status: 'confirmed',
                stance: 'reaffirms',
              },
              {
                citation: 'NPT/CONF.2015/PC.I/WP.11, para. 4',
                lang: 'ar',
                text: 'تدعو المجموعة الدول الحائزة للأسلحة النووية إلى الوفاء بالتزاماتها بموجب المادة السادسة.',
                states: ['EGY'],
                status: 'suggested',
                stance: 'calls-for',
              },
              {
                citation: 'NPT/CONF.2015/PC.III/WP.9, para. 7',
                lang: 'en',
                text: 'Injected <script>alert("x")</script> & more',
                states: [],
                status: 'confirmed',
                stance: null,
              },
              {
                citation: 'REJECTED/SYMBOL, para. 1',
                lang: 'en',
                text: 'Not evidence.',
                states: [],
                status: 'rejected',
                stance: null,
              },
            ],
            assessments: [
              {
                state: 'CHN',
                status: 'partially-implemented',
                rationale: 'Reaffirmed, no new reductions reported.',
                actor: 'analyst@example.org',
                at: '2025-10-01T12:00:00Z',
              },
            ],
          }),
          action({ id: 'AP2010-A6', number: 6, summary: 'Conference on Disarmament work.' }),
        ],
      },
    ],
    totals: [{ pillar: 'disarmament', confirmed: 2, suggested: 1 }],
  };
}

const elements = (html: string) => {
  const doc = parseDocument(html);
  return (test: (e: Element) => boolean) => DomUtils.findAll(test, doc.children);
};
const hasClass = (e: Element, name: string) => (e.attribs.class ?? '').split(/\s+/).includes(name);

describe('monitoringReportHtml', () => {
  const html = monitoringReportHtml(fixture('en'));
  const find = elements(html);

  it('is a complete HTML5 document in the report language', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    const [root] = find((e) => e.name === 'html');
    expect(root?.attribs).toMatchObject({ lang: 'en', dir: 'ltr' });
    expect(find((e) => e.name === 'title')).toHaveLength(1);
    expect(html).toContain('NPT/CONF.2010/50 (Vol. I)');
    expect(html).toContain('our own wording');
  });

  it('inlines the overview chart as SVG with its legend', () => {
    const [figure] = find((e) => e.name === 'figure' && hasClass(e, 'overview'));
    const [svg] = DomUtils.findAll((e) => e.name === 'svg', [figure!]);
    expect(svg).toBeDefined();
    // Two stacked segments for the one pillar, drawn as paths, labelled with the pillar's title.
    expect(DomUtils.textContent(svg!)).toContain('Nuclear disarmament');
    expect(DomUtils.findAll((e) => e.name === 'path', [svg!]).length).toBeGreaterThan(2);
    const legend = DomUtils.textContent(figure!);
    expect(legend).toContain('Evidence per pillar');
    expect(legend).toContain('Confirmed');
    expect(legend).toContain('Suggested (unreviewed)');
  });

  it('cites every shown quote and leaves rejected suggestions out', () => {
    const cites = find((e) => e.name === 'cite').map((e) => DomUtils.textContent(e));
    expect(cites).toEqual([
      'NPT/CONF.2015/PC.II/12, para. 2',
      'NPT/CONF.2015/PC.I/WP.11, para. 4',
      'NPT/CONF.2015/PC.III/WP.9, para. 7',
    ]);
    expect(html).not.toContain('REJECTED/SYMBOL');
  });

  it('gives each quote its own language and direction', () => {
    const quotes = find((e) => e.name === 'blockquote');
    const ar = quotes.find((q) => q.attribs.lang === 'ar');
    expect(ar?.attribs.dir).toBe('rtl');
    const zh = quotes.find((q) => q.attribs.lang === 'zh-Hans');
    expect(zh?.attribs.dir).toBe('ltr');
    expect(html).toMatch(/blockquote:lang\(zh\)\s*\{\s*font-family:\s*'Noto Sans CJK SC'/);
  });

  it('marks suggestions as unreviewed', () => {
    const suggested = find((e) => e.name === 'li' && hasClass(e, 'quote-suggested'));
    expect(suggested).toHaveLength(1);
    expect(DomUtils.textContent(suggested[0]!)).toContain('not yet reviewed');
  });

  it('keeps assessments in their own box, outside the evidence', () => {
    const [box] = find((e) => hasClass(e, 'assessments'));
    expect(box?.name).toBe('aside');
    const text = DomUtils.textContent(box!);
    expect(text).toContain('judgements');
    expect(text).toContain('Partially implemented');
    expect(text).toContain('analyst@example.org');
    expect(DomUtils.findAll((e) => e.name === 'blockquote', [box!])).toHaveLength(0);
    const [evidence] = find((e) => hasClass(e, 'evidence'));
    expect(DomUtils.findAll((e) => hasClass(e, 'assessments'), [evidence!])).toHaveLength(0);
  });

  it('escapes markup in evidence text', () => {
    expect(find((e) => e.name === 'script')).toHaveLength(0);
    expect(html).toContain('Injected &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more');
  });

  it('lists actions with nothing recorded compactly', () => {
    const [compact] = find((e) => e.name === 'ul' && hasClass(e, 'compact'));
    const text = DomUtils.textContent(compact!);
    expect(text).toContain('Action 6');
    expect(text).toContain('No evidence recorded');
    expect(find((e) => e.name === 'article')).toHaveLength(1);
  });

  it('writes a Chinese report with Chinese labels', () => {
    const zh = monitoringReportHtml(fixture('zh'));
    const findZh = elements(zh);
    expect(findZh((e) => e.name === 'html')[0]?.attribs.lang).toBe('zh-Hans');
    const headings = findZh((e) => e.name === 'h3' || e.name === 'h4').map((e) =>
      DomUtils.textContent(e),
    );
    expect(headings).toEqual(expect.arrayContaining(['行动5', '评估', '证据']));
    expect(zh).toContain('未记录证据');
    expect(zh).toContain('建议——尚未审核');
    expect(zh).not.toContain('>Evidence<');
  });

  it('turns an Arabic report right to left', () => {
    const ar = monitoringReportHtml(fixture('ar'));
    const [root] = elements(ar)((e) => e.name === 'html');
    expect(root?.attribs).toMatchObject({ lang: 'ar', dir: 'rtl' });
    expect(ar).toContain('الإجراء 5');
  });
});
