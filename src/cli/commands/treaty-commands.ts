/**
 * @module Treaty verbs: `status`, `events`, `import-events`, `nwfz-matrix`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { invalidParameter } from '../../domain/errors.js';
import { isoDateSchema } from '../../domain/reference-data.js';
import { today } from '../../states/state-queries.js';
import { listEvents } from '../../store/repositories/events-repository.js';
import { statusMapSvg, timelineSvg } from '../../treaties/treaty-charts.js';
import { importEvents, instrumentStatus, protocolMatrix } from '../../treaties/treaty-queries.js';
import { withStore, type GlobalOptions } from '../context.js';
import type { Output } from '../output.js';

function dateOption(value: string | undefined, flag: string): string | undefined {
  if (value === undefined) return undefined;
  if (!isoDateSchema.safeParse(value).success)
    throw invalidParameter(flag, `expected a date as YYYY-MM-DD, got '${value}'`);
  return value;
}

export function registerTreatyCommands(program: Command, out: Output): void {
  const globals = () => program.opts<GlobalOptions>();

  program
    .command('status <instrument>')
    .description(
      "an instrument's participation on a date: each State's status, counts, and its entry-into-force condition",
    )
    .option('--as-of <date>', 'the day (YYYY-MM-DD), today by default')
    .option('--state <id>', 'only this State (ISO alpha-3 or alpha-2)')
    .option('--json', 'print JSON only')
    .action(
      async (instrument: string, options: { asOf?: string; state?: string; json?: boolean }) => {
        const asOf = dateOption(options.asOf, '--as-of') ?? today();
        const status = await withStore(globals(), (store) =>
          instrumentStatus(store.db, instrument, asOf, { state: options.state }),
        );
        if (options.json) return out.json(status);
        out.line(
          `${status.instrument.name} (${status.instrument.id}) on ${asOf}: ${status.events} events on record`,
        );
        const eif = status.entryIntoForce;
        if (eif) {
          out.line(
            eif.date
              ? `in force since ${eif.date} (${eif.basis === 'computed' ? `computed: ${eif.rule} rule, ${eif.source}` : `recorded by the depositary (${eif.source}); the events on record are too incomplete to compute it`})`
              : eif.rule === 'annex'
                ? `not in force: ${eif.consents} ratifications; ${(eif.required ?? 0) - eif.missing.length} of ${eif.required ?? 0} Annex 2 States; missing (${eif.missing.length}): ${eif.missing.join(', ')}`
                : `not in force: ${eif.consents} of ${eif.required ?? '?'} consents needed`,
          );
        }
        if (status.expiry)
          out.line(
            `${status.expiry.date <= asOf ? 'expired on' : 'expires on'} ${status.expiry.date} (computed: ${status.expiry.source})`,
          );
        out.line(
          Object.entries(status.counts)
            .map(([k, v]) => `${k} ${v}`)
            .join(', '),
        );
        out.table(
          ['state', 'status', 'signed', 'consented', 'in force', 'withdrawal'],
          status.states.map((s) => [
            s.state,
            s.status,
            s.signed ?? '',
            s.consented ? `${s.consented.date} (${s.consented.kind})` : '',
            s.inForceFrom ?? '',
            s.withdrawal
              ? `notice ${s.withdrawal.notice}, effective ${s.withdrawal.effective}`
              : '',
          ]),
        );
      },
    );

  program
    .command('events')
    .description(
      'participation events (signatures, ratifications, withdrawals …) with their sources',
    )
    .option('--instrument <id>', 'only this instrument')
    .option('--state <id>', 'only this State (ISO alpha-3)')
    .option('--since <date>', 'only events on or after this day')
    .option('--json', 'print JSON only')
    .action(
      async (options: { instrument?: string; state?: string; since?: string; json?: boolean }) => {
        const events = await withStore(globals(), (store) =>
          listEvents(store.db, {
            instrument: options.instrument?.toUpperCase(),
            state: options.state?.toUpperCase(),
            since: dateOption(options.since, '--since'),
          }),
        );
        if (options.json) return out.json(events.map(({ origin: _origin, ...e }) => e));
        out.table(
          ['date', 'instrument', 'state', 'event', 'source'],
          events.map((e) => [e.date, e.instrument, e.state, e.kind, e.source]),
        );
        out.line(`${events.length} events`);
      },
    );

  program
    .command('import-events <file>')
    .description(
      'import events from a UN Treaty Collection status table (CSV) or a JSON array of events',
    )
    .option('--instrument <id>', 'the instrument the table is about (required for CSV)')
    .option('--source <text>', 'the record the table comes from (for CSV)')
    .option('--skip-invalid', 'store the valid rows even when some rows have problems')
    .option('--json', 'print JSON only')
    .action(
      async (
        file: string,
        options: { instrument?: string; source?: string; skipInvalid?: boolean; json?: boolean },
      ) => {
        let bytes: Buffer;
        try {
          bytes = readFileSync(file);
        } catch (error) {
          throw invalidParameter(
            'file',
            `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
          );
        }
        const result = await withStore(globals(), (store) =>
          importEvents(store.db, { name: basename(file), bytes }, options),
        );
        if (options.json) out.json(result);
        else
          out.line(
            `${file}: ${result.stored} events stored from ${result.rows.valid} of ${result.rows.total} rows; ${result.problems.length} problems`,
          );
        for (const p of result.problems)
          out.error(`pillars: ${file}:${p.line}: ${p.field}: ${p.message}`);
        if (result.problems.length > 0 && !options.skipInvalid) {
          out.error('pillars: nothing stored; fix the rows above or give --skip-invalid');
          process.exitCode = 1;
        }
      },
    );

  program
    .command('nwfz-matrix')
    .description(
      'what each nuclear-weapon State has signed and ratified of the nuclear-weapon-free-zone protocols',
    )
    .option('--as-of <date>', 'the day (YYYY-MM-DD), today by default')
    .option('--json', 'print JSON only')
    .action(async (options: { asOf?: string; json?: boolean }) => {
      const matrix = await withStore(globals(), (store) =>
        protocolMatrix(store.db, dateOption(options.asOf, '--as-of') ?? today()),
      );
      if (options.json) return out.json(matrix);
      out.table(
        ['protocol', ...matrix.states],
        matrix.protocols.map((p) => [
          p.id,
          ...matrix.states.map((s) => {
            const c = p.cells[s]!;
            return c.consented ? `R ${c.consented}` : c.signed ? `S ${c.signed}` : '—';
          }),
        ]),
      );
      out.line('S = signed, R = ratified (consented to be bound); sources with --json');
    });

  const report = program.command('report').description('charts and maps as standalone SVG files');
  for (const [kind, render, what] of [
    ['map', statusMapSvg, 'a world map of status on a date'],
    ['timeline', timelineSvg, 'parties and signatories over time'],
  ] as const) {
    report
      .command(`${kind} <instrument>`)
      .description(`${what}, as SVG`)
      .option('--as-of <date>', 'the day (YYYY-MM-DD), today by default')
      .requiredOption('--out <file>', 'the SVG file to write')
      .action(async (instrument: string, options: { asOf?: string; out: string }) => {
        const asOf = dateOption(options.asOf, '--as-of') ?? today();
        const svg = await withStore(globals(), (store) => render(store.db, instrument, asOf));
        writeFileSync(options.out, svg);
        out.error(`pillars: wrote ${options.out} (${Math.round(svg.length / 1024)} KB)`);
      });
  }
}
