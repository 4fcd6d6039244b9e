/**
 * @module National reports over HTTP: templates, my reports and public ones, the section editor's
 * edits (409 with both texts when stale), workflow transitions, exports (HTML, PDF, .docx) and
 * comparisons. Who may see a report is decided by the reporting module: a report the asker may not
 * see is 404, exactly as if it did not exist.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  comparisonSchema,
  errorSchema,
  newReportBodySchema,
  reportCompareQuerySchema,
  reportExportQuerySchema,
  reportIdParamsSchema,
  reportListQuerySchema,
  reportListSchema,
  reportWireSchema,
  sectionEditBodySchema,
  sectionEditResultSchema,
  sectionParamsSchema,
  templateWireSchema,
  transitionBodySchema,
  transitionResultSchema,
} from '../../contract/api-schemas.js';
import { recordAudit } from '../../audit/audit-log.js';
import { comparisonView } from '../../diff/compare-documents.js';
import { actorName, type Principal } from '../../domain/accounts.js';
import { invalidParameter, notFound } from '../../domain/errors.js';
import { isLang } from '../../domain/language-codes.js';
import { printPdf } from '../../reports/print-pdf.js';
import { isOwnDelegate } from '../../reporting/report-access.js';
import { compareReportVersions } from '../../reporting/compare-reports.js';
import { createReport, editSection, transitionReport } from '../../reporting/report-commands.js';
import { reportDocx, reportHtml } from '../../reporting/report-export.js';
import { getReport, listReports, type StoredReport } from '../../reporting/report-queries.js';
import { getTemplate, listTemplates } from '../../reporting/report-templates.js';
import { availableTransitions, EDITABLE } from '../../reporting/report-workflow.js';
import { publishReport } from '../../reporting/publish-report.js';
import type { Store } from '../../store/open-store.js';
import { allow } from '../access/access-rules.js';

const errors = {
  400: errorSchema,
  401: errorSchema,
  403: errorSchema,
  404: errorSchema,
  409: errorSchema,
  422: errorSchema,
};

function wire(report: StoredReport, principal: Principal) {
  const latest = report.versions.at(-1)!;
  const user = principal.kind === 'user' ? principal.user : null;
  const own = isOwnDelegate(principal, report.stateCode);
  return {
    ...report,
    versions: report.versions.map((v) => ({ ...v, sections: { ...v.sections } })),
    // A submitted or published version is edited by starting the next one.
    canEdit: own && latest.status !== 'withdrawn',
    editStartsVersion: own && !EDITABLE.includes(latest.status) && latest.status !== 'withdrawn',
    transitions: availableTransitions(latest.status, user, report.stateCode),
  };
}

export function reportRoutes(store: Store): FastifyPluginAsyncZod {
  const { db } = store;
  // eslint-disable-next-line @typescript-eslint/require-await -- Fastify plugins are async functions
  return async (app) => {
    app.get(
      '/report-templates',
      {
        config: { access: allow.public },
        schema: {
          tags: ['reports'],
          summary:
            'The reporting framework: templates for nuclear-weapon and non-nuclear-weapon States',
          response: { 200: z.object({ items: z.array(templateWireSchema) }) },
        },
      },
      async () => ({ items: await listTemplates(db) }),
    );

    app.get(
      '/report-templates/:id',
      {
        config: { access: allow.public },
        schema: {
          tags: ['reports'],
          summary: 'One template (its newest version, or ?version=)',
          params: z.object({ id: z.string().max(100) }),
          querystring: z.object({ version: z.coerce.number().int().min(1).optional() }),
          response: { 200: templateWireSchema, ...errors },
        },
      },
      async (request) => getTemplate(db, request.params.id, request.query.version),
    );

    app.get(
      '/reports',
      {
        config: { access: allow.public },
        schema: {
          tags: ['reports'],
          summary:
            'Reports the asker may see: a delegate’s own drafts, submitted ones for the secretariat, published ones for all',
          querystring: reportListQuerySchema,
          response: { 200: reportListSchema, ...errors },
        },
      },
      async (request) => {
        const { limit, offset, state, cycle, status } = request.query;
        const list = await listReports(db, request.principal, {
          limit,
          offset,
          state,
          cycle,
          status,
        });
        return { ...list, limit, offset };
      },
    );

    app.post(
      '/reports',
      {
        config: { access: allow.roles(['delegate'], 'reports'), auditedInFeature: true },
        schema: {
          tags: ['reports'],
          summary: 'Start my State’s report for a cycle, blank or from a previous report',
          body: newReportBodySchema,
          response: { 200: reportWireSchema, ...errors },
        },
      },
      async (request) =>
        wire(await createReport(db, request.principal, request.body), request.principal),
    );

    app.get(
      '/reports/:id',
      {
        config: { access: allow.public },
        schema: {
          tags: ['reports'],
          summary: 'A report with the versions the asker may see',
          params: reportIdParamsSchema,
          response: { 200: reportWireSchema, ...errors },
        },
      },
      async (request) =>
        wire(await getReport(db, request.principal, request.params.id), request.principal),
    );

    app.put(
      '/reports/:id/sections/:section',
      {
        config: { access: allow.roles(['delegate'], 'reports'), auditedInFeature: true },
        schema: {
          tags: ['reports'],
          summary: 'Save a section (autosave); a stale base gets 409 with both texts',
          description:
            'The edit names the version and revision it was based on. Editing a submitted or published version starts the next version.',
          params: sectionParamsSchema,
          body: sectionEditBodySchema,
          response: { 200: sectionEditResultSchema, ...errors },
        },
      },
      async (request) =>
        editSection(db, request.principal, request.params.id, request.params.section, request.body),
    );

    app.post(
      '/reports/:id/transitions',
      {
        config: {
          access: allow.roles(['delegate', 'secretariat'], 'reports'),
          auditedInFeature: true,
        },
        schema: {
          tags: ['reports'],
          summary:
            'Move the newest version through the workflow (send to clearance, submit, publish, withdraw)',
          params: reportIdParamsSchema,
          body: transitionBodySchema,
          response: { 200: transitionResultSchema, ...errors },
        },
      },
      async (request) => {
        const { transition, version, symbol, comment, baseRevision } = request.body;
        if (transition === 'publish')
          return publishReport(store, request.principal, request.params.id, {
            version,
            symbol,
            comment,
          });
        const done = await transitionReport(db, request.principal, request.params.id, {
          transition,
          version,
          comment,
          baseRevision,
        });
        return { ...done, symbol: null };
      },
    );

    app.get(
      '/reports/:id/export',
      {
        config: { access: allow.public },
        schema: {
          tags: ['reports'],
          summary: 'A version as HTML, PDF or .docx',
          params: reportIdParamsSchema,
          querystring: reportExportQuerySchema,
          response: { 200: z.any().describe('the file'), ...errors },
        },
      },
      async (request, reply) => {
        const report = await getReport(db, request.principal, request.params.id);
        const { format } = request.query;
        const version =
          request.query.version === undefined
            ? report.versions.at(-1)!
            : report.versions.find((v) => v.version === request.query.version);
        if (!version) throw notFound('report version', `${report.id}@${request.query.version}`);
        const template = await getTemplate(db, report.templateId, report.templateVersion);
        const rendering = {
          report,
          version,
          template,
          lang: isLang(report.lang) ? report.lang : ('en' as const),
        };
        await recordAudit(db, {
          actor: actorName(request.principal),
          action: 'report.export',
          target: `report:${report.id}`,
          detail: { version: version.version, format },
        });
        const name = `report-${report.stateCode}-${report.cycle}-v${version.version}`;
        if (format === 'html')
          return reply.type('text/html; charset=utf-8').send(reportHtml(rendering));
        if (format === 'docx')
          return reply
            .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
            .header('content-disposition', `attachment; filename="${name}.docx"`)
            .send(await reportDocx(rendering));
        const dir = await mkdtemp(join(tmpdir(), 'pillars-report-'));
        try {
          const file = join(dir, `${name}.pdf`);
          await printPdf(reportHtml(rendering), file);
          return reply
            .type('application/pdf')
            .header('content-disposition', `attachment; filename="${name}.pdf"`)
            .send(await readFile(file));
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
      },
    );

    app.get(
      '/reports/:id/compare',
      {
        config: { access: allow.public },
        schema: {
          tags: ['reports'],
          summary:
            'Compare two versions of a report, or this report with another (e.g. the previous cycle’s)',
          params: reportIdParamsSchema,
          querystring: reportCompareQuerySchema,
          response: { 200: comparisonSchema, ...errors },
        },
      },
      async (request) => {
        const report = await getReport(db, request.principal, request.params.id);
        const template = await getTemplate(db, report.templateId, report.templateVersion);
        const pick = (r: StoredReport, n: number | undefined, fallback: number) => {
          const found =
            n === undefined ? r.versions.at(fallback) : r.versions.find((v) => v.version === n);
          if (!found) throw notFound('report version', `${r.id}@${n ?? 'latest'}`);
          return found;
        };
        const newer = { report, version: pick(report, request.query.to, -1), template };
        if (request.query.against !== undefined) {
          const other = await getReport(db, request.principal, request.query.against);
          const otherTemplate = await getTemplate(db, other.templateId, other.templateVersion);
          const older = {
            report: other,
            version: pick(other, request.query.from, -1),
            template: otherTemplate,
          };
          return comparisonView(compareReportVersions(older, newer));
        }
        const olderVersion =
          request.query.from === undefined
            ? report.versions.filter((v) => v.version < newer.version.version).at(-1)
            : pick(report, request.query.from, -1);
        if (!olderVersion)
          throw invalidParameter(
            'from',
            `version ${newer.version.version} is the first you may see; compare with another report (against=)`,
          );
        return comparisonView(
          compareReportVersions({ report, version: olderVersion, template }, newer),
        );
      },
    );
  };
}
