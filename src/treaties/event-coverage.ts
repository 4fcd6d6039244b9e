/**
 * @module Instruments whose bundled participation events are known to be incomplete
 * (docs/data-coverage.md). Counts computed from them would be wrong; whoever shows a count asks
 * here first and says why there is none.
 */
const INCOMPLETE_EVENTS: Readonly<Record<string, string>> = {
  NPT: 'the events on record cover 60 of the 191 parties, so no count is given',
};

/** Why counts of this instrument's parties cannot be given, or undefined when they can. */
export function incompleteCoverage(instrument: string): string | undefined {
  return INCOMPLETE_EVENTS[instrument];
}
