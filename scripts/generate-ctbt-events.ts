// Builds data/events/ctbt-untc-2014.json from the UN Treaty Collection CTBT status table of
// March 2014 (data/sources/untc-26-4-ctbt.csv), with the same importer `pillars import-events` uses.
import { readFileSync, writeFileSync } from 'node:fs';
import { loadReferenceData } from '../src/reference/load-reference-data.js';
import { resolverFromStates } from '../src/states/state-names.js';
import { importUntcCsv } from '../src/treaties/import-untc-csv.js';

const data = loadReferenceData();
const instrument = data.instruments.find((i) => i.id === 'CTBT')!;
const result = importUntcCsv(readFileSync('data/sources/untc-26-4-ctbt.csv', 'utf8'), {
  instrument,
  resolver: resolverFromStates(data.states),
  source:
    'UN Treaty Collection, XXVI-4 (CTBT), status table as of March 2014 (zmjones/untreaties snapshot, data/sources/untc-26-4-ctbt.csv)',
});
if (result.problems.length > 0) {
  for (const p of result.problems)
    console.error(`untc-26-4-ctbt.csv:${p.line}: ${p.field}: ${p.message}`);
  process.exit(1);
}
const events = [...result.events].sort(
  (a, b) =>
    a.date.localeCompare(b.date) || a.state.localeCompare(b.state) || a.kind.localeCompare(b.kind),
);
writeFileSync('data/events/ctbt-untc-2014.json', JSON.stringify(events, null, 2) + '\n');
console.log(
  `data/events/ctbt-untc-2014.json: ${events.length} events from ${result.rows.valid} of ${result.rows.total} rows`,
);
