/**
 * @module Action Plan monitoring verbs: `evidence suggest|list|confirm|reject|reopen|add|export`,
 * `assess`, `matrix`, and `report monitoring`.
 */
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { ASSESSMENT_STATUSES, STANCES, type EvidenceStatus } from '../../domain/evidence.js';
import { invalidParameter } from '../../domain/errors.js';
import { isLang, type Lang } from '../../domain/language-codes.js';
import { evidenceCsv, matrixCsv } from '../../evidence/evidence-export.js';
import {
  actionStateMatrix,
  addEvidence,
  assess,
  listEvidence,
  reviewEvidence,
  scanEvidence,
} from '../../evidence/evidence-service.js';
import { monitoringData } from '../../evidence/monitoring.js';
import { monitoringReportHtml } from '../../reports/monitoring-report-html.js';
import { printPdf } from '../../reports/print-pdf.js';
import { withStore, type GlobalOptions } from '../context.js';
import { clip, type Output } from '../output.js';

function cycleOption(value: string | undefined, flag = '--cycle'): number | undefined {
  if (value === undefined) return undefined;
  const cycle = Number(value);
  if (!Number.isInteger(cycle) || cycle < 1995 || cycle > 2100)
    throw invalidParameter(flag, `expected a review cycle year such as 2015, got '${value}'`);
  return cycle;
}

export function registerEvidenceCommands(program: Command, out: Output): void {
  const globals = () => program.opts<GlobalOptions>();
  const evidence = program
    .command('evidence')
    .description('evidence for the 2010 Action Plan: suggest, list, review, add, export');

  evidence
    .command('suggest')
    .description('suggest evidence for every language version not yet scanned (all with --force)')
    .option('--force', 'scan every current language version again')
    .option('--json', 'print JSON only')
    .action(async (options: { force?: boolean; json?: boolean }) => {
      const result = await withStore(globals(), (store) =>
        scanEvidence(store.db, { force: options.force === true }),
      );
      if (options.json) return out.json(result);
      out.line(`${result.scanned} language versions scanned, ${result.suggestions} suggestions`);
    });

  evidence
    .command('list')
    .description('list evidence (rejected evidence only with --status rejected)')
    .option('--action <n>', 'an action: 21, A21, AP2010-A21 or ME')
    .option('--state <id>', 'a State (ISO alpha-3)')
    .option('--status <s>', 'suggested, confirmed or rejected')
    .option('--cycle <yyyy>', 'the review cycle, e.g. 2015')
    .option('--document <symbol>', 'only evidence from this document')
    .option('--limit <n>', 'at most this many', '50')
    .option('--json', 'print JSON only')
    .action(
      async (options: {
        action?: string;
        state?: string;
        status?: string;
        cycle?: string;
        document?: string;
        limit: string;
        json?: boolean;
      }) => {
        if (
          options.status !== undefined &&
          !['suggested', 'confirmed', 'rejected'].includes(options.status)
        )
          throw invalidParameter(
            '--status',
            `expected suggested, confirmed or rejected, got '${options.status}'`,
          );
        const limit = Number(options.limit);
        if (!Number.isInteger(limit) || limit < 1)
          throw invalidParameter('--limit', `expected a positive number, got '${options.limit}'`);
        const page = await withStore(globals(), (store) =>
          listEvidence(store.db, {
            action: options.action,
            state: options.state,
            status: options.status as EvidenceStatus | undefined,
            cycle: cycleOption(options.cycle),
            document: options.document,
            limit,
            offset: 0,
          }),
        );
        if (options.json) return out.json(page);
        out.table(
          [
            'id',
            'action',
            'document',
            'eId',
            'lang',
            'states',
            'status',
            'score',
            'matched',
            'text',
          ],
          page.items.map((e) => [
            e.id,
            e.actionId.replace('AP2010-', ''),
            e.document,
            e.eId,
            e.lang,
            e.states.length > 5
              ? `${e.states.slice(0, 5).join(' ')} +${e.states.length - 5}`
              : e.states.join(' '),
            `${e.status}${e.stance ? ` (${e.stance})` : ''}`,
            e.score.toFixed(2),
            clip(e.reasons.map((r) => r.matched).join('; '), 30),
            clip(e.text, 50),
          ]),
        );
        out.line(`${page.total} pieces of evidence`);
      },
    );

  for (const [verb, status, what] of [
    ['confirm', 'confirmed', 'confirm a suggestion'],
    ['reject', 'rejected', 'reject a suggestion'],
    ['reopen', 'suggested', 'put confirmed or rejected evidence back to suggested'],
  ] as const) {
    evidence
      .command(`${verb} <id>`)
      .description(`${what} (kept as a revision)`)
      .requiredOption('--by <name>', 'who decides')
      .option('--stance <stance>', `one of ${STANCES.join(', ')}`)
      .option('--comment <text>', 'why')
      .option('--json', 'print JSON only')
      .action(
        async (
          id: string,
          options: { by: string; stance?: string; comment?: string; json?: boolean },
        ) => {
          const history = await withStore(globals(), (store) =>
            reviewEvidence(store.db, {
              id,
              status,
              ...(options.stance !== undefined ? { stance: options.stance } : {}),
              actor: options.by,
              comment: options.comment ?? null,
            }),
          );
          if (options.json) return out.json(history);
          out.table(
            ['revision', 'status', 'stance', 'by', 'at', 'comment'],
            history.map((r) => [
              String(r.revision),
              r.status,
              r.stance ?? '',
              r.actor,
              r.createdAt,
              r.comment ?? '',
            ]),
          );
        },
      );
  }

  evidence
    .command('add <symbol>')
    .description('link a paragraph to an action by hand (confirmed at once)')
    .requiredOption('--lang <xx>', 'the language version')
    .requiredOption('--eid <eId>', 'the paragraph, e.g. para_6')
    .requiredOption('--action <n>', 'the action, e.g. 21')
    .requiredOption('--by <name>', 'who links it')
    .option('--stance <stance>', `one of ${STANCES.join(', ')}`)
    .option('--states <ids>', 'the States it speaks for (the document’s by default), e.g. FRA,GBR')
    .option('--comment <text>', 'why')
    .action(
      async (
        symbol: string,
        options: {
          lang: string;
          eid: string;
          action: string;
          by: string;
          stance?: string;
          states?: string;
          comment?: string;
        },
      ) => {
        if (!isLang(options.lang))
          throw invalidParameter(
            '--lang',
            `expected one of ar, zh, en, fr, ru, es, got '${options.lang}'`,
          );
        const id = await withStore(globals(), (store) =>
          addEvidence(store.db, {
            symbol,
            lang: options.lang,
            eId: options.eid,
            action: options.action,
            actor: options.by,
            ...(options.stance !== undefined ? { stance: options.stance } : {}),
            ...(options.states !== undefined
              ? { states: options.states.split(',').map((s) => s.trim()) }
              : {}),
            comment: options.comment ?? null,
          }),
        );
        out.line(id);
      },
    );

  evidence
    .command('export')
    .description('every piece of evidence (not rejected) as CSV or JSON, with symbols and eIds')
    .option('--format <format>', 'csv or json', 'csv')
    .option('--cycle <yyyy>', 'only this review cycle')
    .option('-o, --out <file>', 'write to a file instead of stdout')
    .action(async (options: { format: string; cycle?: string; out?: string }) => {
      if (!['csv', 'json'].includes(options.format))
        throw invalidParameter('--format', `expected csv or json, got '${options.format}'`);
      const { items } = await withStore(globals(), (store) =>
        listEvidence(store.db, { cycle: cycleOption(options.cycle), limit: 1_000_000, offset: 0 }),
      );
      const text =
        options.format === 'csv' ? evidenceCsv(items) : `${JSON.stringify(items, null, 2)}\n`;
      if (options.out) writeFileSync(options.out, text);
      else process.stdout.write(text);
    });

  program
    .command('assess <action> <state>')
    .description('record an assessment of an action for a State and cycle (a new revision)')
    .requiredOption('--cycle <yyyy>', 'the review cycle, e.g. 2015')
    .requiredOption('--status <status>', ASSESSMENT_STATUSES.join(', '))
    .requiredOption('--rationale <text>', 'the reasons')
    .requiredOption('--by <name>', 'who assesses')
    .option('--evidence <ids>', 'the evidence cited, comma-separated ids')
    .option('--json', 'print JSON only')
    .action(
      async (
        action: string,
        state: string,
        options: {
          cycle: string;
          status: string;
          rationale: string;
          by: string;
          evidence?: string;
          json?: boolean;
        },
      ) => {
        const history = await withStore(globals(), (store) =>
          assess(store.db, {
            action,
            state,
            cycle: cycleOption(options.cycle)!,
            status: options.status,
            rationale: options.rationale,
            evidenceIds:
              options.evidence
                ?.split(',')
                .map((s) => s.trim())
                .filter(Boolean) ?? [],
            actor: options.by,
          }),
        );
        if (options.json) return out.json(history);
        out.table(
          ['revision', 'status', 'by', 'at', 'evidence', 'rationale'],
          history.map((a) => [
            String(a.revision),
            a.status,
            a.actor,
            a.createdAt,
            String(a.evidenceIds.length),
            clip(a.rationale, 60),
          ]),
        );
      },
    );

  program
    .command('matrix')
    .description('the action × State matrix: evidence counts and latest assessments')
    .option('--cycle <yyyy>', 'the review cycle')
    .option('--group <id>', 'only members of this group, e.g. P5')
    .option('--pillar <pillar>', 'disarmament, non-proliferation, peaceful-uses or middle-east')
    .option('--csv', 'print CSV')
    .option('--json', 'print JSON only')
    .action(
      async (options: {
        cycle?: string;
        group?: string;
        pillar?: string;
        csv?: boolean;
        json?: boolean;
      }) => {
        if (
          options.pillar !== undefined &&
          !['disarmament', 'non-proliferation', 'peaceful-uses', 'middle-east'].includes(
            options.pillar,
          )
        )
          throw invalidParameter(
            '--pillar',
            `expected disarmament, non-proliferation, peaceful-uses or middle-east, got '${options.pillar}'`,
          );
        const matrix = await withStore(globals(), (store) =>
          actionStateMatrix(store.db, {
            cycle: cycleOption(options.cycle),
            group: options.group,
            pillar: options.pillar,
          }),
        );
        if (options.json) return out.json(matrix);
        if (options.csv) {
          process.stdout.write(matrixCsv(matrix));
          return;
        }
        out.table(
          ['action', 'state', 'confirmed', 'suggested', 'assessment'],
          matrix.cells.map((c) => [
            c.action.replace('AP2010-', ''),
            c.state,
            String(c.confirmed),
            String(c.suggested),
            c.assessment ? `${c.assessment.status} (${c.assessment.actor})` : '',
          ]),
        );
        out.line(`${matrix.cells.length} cells with evidence or an assessment`);
      },
    );

  const report =
    program.commands.find((c) => c.name() === 'report') ??
    program.command('report').description('reports');
  report
    .command('monitoring')
    .description('the monitoring report of a review cycle, as HTML or PDF (printed by Chromium)')
    .requiredOption('--cycle <yyyy>', 'the review cycle, e.g. 2015')
    .option('--lang <xx>', 'the report language', 'en')
    .option('--format <format>', 'html or pdf', 'html')
    .requiredOption('--out <file>', 'the file to write')
    .action(async (options: { cycle: string; lang: string; format: string; out: string }) => {
      if (!isLang(options.lang))
        throw invalidParameter(
          '--lang',
          `expected one of ar, zh, en, fr, ru, es, got '${options.lang}'`,
        );
      if (!['html', 'pdf'].includes(options.format))
        throw invalidParameter('--format', `expected html or pdf, got '${options.format}'`);
      const data = await withStore(globals(), (store) =>
        monitoringData(store.db, cycleOption(options.cycle)!, options.lang as Lang),
      );
      const html = monitoringReportHtml(data);
      if (options.format === 'html') writeFileSync(options.out, html);
      else await printPdf(html, options.out);
      out.error(`pillars: wrote ${options.out}`);
    });
}
