/**
 * `npm run bench`: runs every benchmark and writes bench/results/<name>.json. Figures, not tests.
 */
import { runAlignBench } from './align-bench.js';
import { runDiffBench } from './diff-bench.js';
import { runEvidenceBench } from './evidence-bench.js';
import { runGlossaryBench } from './glossary-bench.js';
import { runIngestBench } from './ingest-bench.js';
import { runLoadBench } from './load-bench.js';
import { runReferenceBench } from './reference-bench.js';
import { runSearchBench } from './search-bench.js';

const benches: [string, () => Promise<string>][] = [
  ['reference', runReferenceBench],
  ['ingest', () => runIngestBench()],
  ['search', () => runSearchBench()],
  ['align', runAlignBench],
  ['diff', runDiffBench],
  ['evidence', runEvidenceBench],
  ['glossary', runGlossaryBench],
  ['load', runLoadBench],
];
const only = process.argv.slice(2);
for (const [name, run] of benches) {
  if (only.length && !only.includes(name)) continue;
  console.error(`bench: ${name}…`);
  console.log(`bench: ${name} → ${await run()}`);
}
