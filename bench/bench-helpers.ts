/**
 * Shared plumbing for benchmarks: timing, machine facts, and writing bench/results/<name>.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const RESULTS_DIR = fileURLToPath(new URL('./results/', import.meta.url));

export interface BenchFigure {
  /** What is measured, e.g. "names resolved per second". */
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  /** The same figure for the named baseline, and value / baseline. */
  readonly baseline: { readonly name: string; readonly value: number };
  readonly ratio: number;
  readonly target?: string;
}

export interface BenchResult {
  readonly benchmark: string;
  readonly description: string;
  readonly corpus: Record<string, number | string>;
  readonly figures: BenchFigure[];
  /** Per-language and per-engine breakdowns behind the figures. */
  readonly details?: unknown;
}

/** Runs `work` repeatedly for at least `minMs`, after a warm-up, and returns runs per second. */
export async function measure(work: () => void | Promise<void>, minMs = 1500): Promise<number> {
  for (let i = 0; i < 3; i++) await work();
  let runs = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0;
  while (elapsed < minMs) {
    await work();
    runs++;
    elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  }
  return (runs * 1000) / elapsed;
}

export function writeResult(result: BenchResult): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = join(RESULTS_DIR, `${result.benchmark}.json`);
  const machine = {
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
  };
  writeFileSync(
    file,
    JSON.stringify({ ...result, machine, date: new Date().toISOString() }, null, 2) + '\n',
  );
  return file;
}

export function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
