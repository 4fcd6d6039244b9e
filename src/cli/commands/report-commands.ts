/**
 * @module National report verbs for operators and the secretariat's scripts: `report templates`,
 * `report list`, `report export`. They read as an admin would (every version);
 * writing goes through the web app or the API, where each delegate acts as themselves.
 */
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { recordAudit } from '../../audit/audit-log.js';
import { ANONYMOUS, type Principal } from '../../domain/accounts.js';
import { invalidParameter, notFound } from '../../domain/errors.js';
import { isLang } from '../../domain/language-codes.js';
import { printPdf } from '../../reports/print-pdf.js';
import { reportDocx, reportHtml } from '../../reporting/report-export.js';
import { getReport, listReports } from '../../reporting/report-queries.js';
import { getTemplate, listTemplates } from '../../reporting/report-templates.js';
import { withStore, type GlobalOptions } from '../context.js';
import { clip, type Output } from '../output.js';

/** The CLI reads the store as its operator: everything, as an admin would. */
const OPERATOR: Principal = {
  kind: 'user',
  user: {
    id: 'cli',
    username: 'cli',
    displayName: 'command line',
    role: 'admin',
    stateCode: null,
    createdAt: '',
    disabledAt: null,
  },
  via: 'token',
  scopes: [],
  credentialId: 'cli',
};

export function registerReportCommands(program: Command, out: Output): void {
  const globals = () => program.opts<GlobalOptions>();
  const report =
    program.commands.find((c) => c.name() === 'report') ??
    program.command('report').description('reports');

  report
    .command('templates')
    .description('the reporting framework: templates and their sections')
    .option('--json', 'print JSON only')
    .action(async (options: { json?: boolean }) => {
      const templates = await withStore(globals(), (store) => listTemplates(store.db));
      if (options.json) return out.json(templates);
      for (const t of templates) {
        out.line(`${t.id}@${t.version} (${t.kind}): ${t.title.en}`);
        for (const s of t.sections)
          out.line(
            `  ${s.number.padEnd(5)} ${s.title.en}  [${s.actions.map((a) => a.replace('AP2010-', '')).join(' ')}]`,
          );
      }
    });

  report
    .command('list')
    .description(
      'national reports (every status, as an operator; --public for what the public sees)',
    )
    .option('--state <id>', 'a State (ISO alpha-3)')
    .option('--cycle <yyyy>', 'a review cycle, e.g. 2026')
    .option('--public', 'only what an anonymous visitor may see')
    .option('--json', 'print JSON only')
    .action(
      async (options: { state?: string; cycle?: string; public?: boolean; json?: boolean }) => {
        const list = await withStore(globals(), (store) =>
          listReports(store.db, options.public ? ANONYMOUS : OPERATOR, {
            state: options.state?.toUpperCase(),
            cycle: options.cycle,
            limit: 1000,
            offset: 0,
          }),
        );
        if (options.json) return out.json(list);
        out.table(
          ['id', 'State', 'cycle', 'v', 'status', 'symbol', 'title'],
          list.items.map((r) => [
            r.id,
            r.stateCode,
            r.cycle,
            String(r.version),
            r.status,
            r.publishedSymbol ?? '',
            clip(r.title, 50),
          ]),
        );
      },
    );

  report
    .command('export <id>')
    .description('a report version as HTML, PDF or .docx')
    .requiredOption('--out <file>', 'where to write it')
    .option('--format <f>', 'html, pdf or docx (default from the file name)')
    .option('--version <n>', 'the version (default: the newest)')
    .action(async (id: string, options: { out: string; format?: string; version?: string }) => {
      const format = options.format ?? options.out.split('.').pop() ?? 'html';
      if (!['html', 'pdf', 'docx'].includes(format))
        throw invalidParameter('--format', 'expected html, pdf or docx');
      await withStore(globals(), async (store) => {
        const found = await getReport(store.db, OPERATOR, id);
        const version =
          options.version === undefined
            ? found.versions.at(-1)
            : found.versions.find((v) => v.version === Number(options.version));
        if (!version) throw notFound('report version', `${id}@${options.version ?? ''}`);
        const template = await getTemplate(store.db, found.templateId, found.templateVersion);
        const rendering = {
          report: found,
          version,
          template,
          lang: isLang(found.lang) ? found.lang : ('en' as const),
        };
        if (format === 'html') writeFileSync(options.out, reportHtml(rendering));
        else if (format === 'docx') writeFileSync(options.out, await reportDocx(rendering));
        else await printPdf(reportHtml(rendering), options.out);
        await recordAudit(store.db, {
          actor: 'cli',
          action: 'report.export',
          target: `report:${id}`,
          detail: { version: version.version, format },
        });
      });
      out.line(`wrote ${options.out}`);
    });
}
