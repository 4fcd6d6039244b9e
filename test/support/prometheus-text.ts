/**
 * A strict reader of the Prometheus text exposition format (version 0.0.4), for tests: every line
 * is a comment, a HELP/TYPE declaration or a sample `name{label="value",…} value [timestamp]`;
 * label values may contain escaped `\\`, `\"` and `\n`; every sample belongs to a declared family
 * (histograms through _bucket/_sum/_count), and a histogram's buckets are cumulative and end in
 * +Inf equal to _count. Anything else throws, naming the line.
 */
export interface PromSample {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

export interface PromFamily {
  readonly name: string;
  readonly type: string;
  readonly help: string;
  readonly samples: PromSample[];
}

const NAME = '[a-zA-Z_:][a-zA-Z0-9_:]*';
const SAMPLE = new RegExp(`^(${NAME})(?:\\{(.*)\\})?\\s+(\\S+)(?:\\s+(-?\\d+))?$`);
const LABEL = /\s*([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\[\\"n])*)"\s*(,|$)/y;

function parseValue(text: string, line: number): number {
  // As Prometheus reads them (Go's ParseFloat): the special values in any case.
  if (/^\+?inf$/i.test(text)) return Infinity;
  if (/^-inf$/i.test(text)) return -Infinity;
  if (/^nan$/i.test(text)) return NaN;
  const value = Number(text);
  if (Number.isNaN(value)) throw new Error(`line ${line}: '${text}' is not a number`);
  return value;
}

function parseLabels(text: string, line: number): Record<string, string> {
  const labels: Record<string, string> = {};
  LABEL.lastIndex = 0;
  while (LABEL.lastIndex < text.length) {
    const start = LABEL.lastIndex;
    const match = LABEL.exec(text);
    if (!match || match.index !== start) throw new Error(`line ${line}: bad label list {${text}}`);
    labels[match[1]!] = match[2]!.replace(/\\(["\\n])/g, (_m, c: string) => (c === 'n' ? '\n' : c));
    if (match[3] === '') break;
  }
  return labels;
}

export function parsePrometheusText(text: string): Map<string, PromFamily> {
  const families = new Map<string, PromFamily>();
  const familyOf = (sample: string): PromFamily | undefined => {
    const direct = families.get(sample);
    if (direct) return direct;
    const base = sample.replace(/_(bucket|sum|count|total|created)$/, '');
    const family = families.get(base);
    return family && ['histogram', 'summary', 'counter'].includes(family.type) ? family : undefined;
  };
  for (const [index, raw] of text.split('\n').entries()) {
    const line = index + 1;
    if (raw.trim() === '') continue;
    const declaration = /^# (HELP|TYPE) (\S+) ?(.*)$/.exec(raw);
    if (declaration) {
      const [, kind, name, rest] = declaration as unknown as [string, string, string, string];
      const family = families.get(name) ?? { name, type: 'untyped', help: '', samples: [] };
      if (kind === 'TYPE') {
        if (!['counter', 'gauge', 'histogram', 'summary', 'untyped'].includes(rest))
          throw new Error(`line ${line}: unknown type '${rest}'`);
        families.set(name, { ...family, type: rest });
      } else families.set(name, { ...family, help: rest });
      continue;
    }
    if (raw.startsWith('#')) continue;
    const match = SAMPLE.exec(raw);
    if (!match) throw new Error(`line ${line}: not a sample: ${raw}`);
    const family = familyOf(match[1]!);
    if (!family) throw new Error(`line ${line}: ${match[1]} belongs to no declared family`);
    family.samples.push({
      name: match[1]!,
      labels: parseLabels(match[2] ?? '', line),
      value: parseValue(match[3]!, line),
    });
  }
  for (const family of families.values()) {
    if (family.type !== 'histogram') continue;
    const series = new Map<string, PromSample[]>();
    for (const s of family.samples.filter((s) => s.name.endsWith('_bucket'))) {
      const { le, ...rest } = s.labels;
      if (le === undefined) throw new Error(`${family.name}: a bucket without le`);
      const key = JSON.stringify(Object.entries(rest).sort());
      series.set(key, [...(series.get(key) ?? []), s]);
    }
    for (const [key, buckets] of series) {
      const sorted = [...buckets].sort(
        (a, b) => parseValue(a.labels.le!, 0) - parseValue(b.labels.le!, 0),
      );
      for (let i = 1; i < sorted.length; i++)
        if (sorted[i]!.value < sorted[i - 1]!.value)
          throw new Error(`${family.name} ${key}: buckets not cumulative`);
      const last = sorted.at(-1)!;
      const count = family.samples.find(
        (s) =>
          s.name === `${family.name}_count` &&
          JSON.stringify(Object.entries(s.labels).sort()) === key,
      );
      if (last.labels.le !== '+Inf' || !count || count.value !== last.value)
        throw new Error(`${family.name} ${key}: +Inf bucket missing or not equal to _count`);
    }
  }
  return families;
}
