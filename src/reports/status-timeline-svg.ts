/**
 * @module Parties and signatories over time, as standalone SVG drawn by ECharts on the server (no
 * browser, no DOM): the same chart the web app shows and reports print.
 */
import * as echarts from 'echarts';

export interface TimelinePoint {
  readonly date: string;
  readonly parties: number;
  readonly consented: number;
  readonly signatories: number;
}

export interface TimelineOptions {
  readonly title: string;
  readonly labels?: { parties: string; consented: string; signatories: string };
  readonly width?: number;
  readonly height?: number;
}

export function renderTimelineSvg(
  points: readonly TimelinePoint[],
  options: TimelineOptions,
): string {
  const labels = options.labels ?? {
    parties: 'Parties',
    consented: 'Ratified, not yet in force',
    signatories: 'Signatories (not yet ratified)',
  };
  const chart = echarts.init(null, null, {
    renderer: 'svg',
    ssr: true,
    width: options.width ?? 960,
    height: options.height ?? 360,
  });
  chart.setOption({
    animation: false,
    title: {
      text: options.title,
      left: 8,
      top: 4,
      textStyle: {
        fontSize: 15,
        fontFamily: 'Noto Sans, Noto Sans CJK SC, Noto Naskh Arabic, sans-serif',
      },
    },
    legend: {
      top: 30,
      left: 8,
      textStyle: { fontFamily: 'Noto Sans, Noto Sans CJK SC, Noto Naskh Arabic, sans-serif' },
    },
    grid: { left: 48, right: 24, top: 70, bottom: 36 },
    xAxis: { type: 'time' },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        name: labels.parties,
        type: 'line',
        step: 'end',
        showSymbol: false,
        color: '#1b7837',
        data: points.map((p) => [p.date, p.parties]),
      },
      {
        name: labels.consented,
        type: 'line',
        step: 'end',
        showSymbol: false,
        color: '#7fbf7b',
        data: points.map((p) => [p.date, p.consented]),
      },
      {
        name: labels.signatories,
        type: 'line',
        step: 'end',
        showSymbol: false,
        color: '#c51b7d',
        data: points.map((p) => [p.date, p.signatories]),
      },
    ],
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}
