/**
 * @module How the CLI prints: JSON alone on stdout with --json, aligned text tables otherwise,
 * and messages on stderr.
 */

export interface Output {
  json(value: unknown): void;
  table(headers: string[], rows: string[][]): void;
  line(text: string): void;
  error(text: string): void;
}

export function createOutput(
  stdout: NodeJS.WritableStream = process.stdout,
  stderr: NodeJS.WritableStream = process.stderr,
): Output {
  return {
    json: (value) => stdout.write(`${JSON.stringify(value, null, 2)}\n`),
    table: (headers, rows) => stdout.write(formatTable(headers, rows)),
    line: (text) => stdout.write(`${text}\n`),
    error: (text) => stderr.write(`${text}\n`),
  };
}

/** A text on one line, cut to `width` characters with an ellipsis (for table cells). */
export function clip(text: string, width: number): string {
  const flat = text.replace(/\s+/gu, ' ');
  return flat.length > width ? `${flat.slice(0, width - 1)}…` : flat;
}

/** Display width: East Asian wide characters take two columns. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text)
    width +=
      /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u.test(
        ch,
      )
        ? 2
        : 1;
  return width;
}

export function formatTable(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) =>
    Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))),
  );
  const pad = (cells: string[]) =>
    cells
      .map((cell, i) =>
        i === cells.length - 1 ? cell : cell + ' '.repeat((widths[i] ?? 0) - displayWidth(cell)),
      )
      .join('  ')
      .trimEnd();
  return [pad(headers), pad(widths.map((w) => '-'.repeat(w))), ...rows.map(pad)].join('\n') + '\n';
}
