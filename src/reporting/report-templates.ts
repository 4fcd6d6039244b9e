/**
 * @module The reporting framework's templates, shipped in data/reporting/templates/*.json and
 * stored by (id, version). A stored version never changes: a template that changes must bump its
 * version, and reports keep the version they were started on.
 */
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { invalidData, notFound } from '../domain/errors.js';
import {
  reportTemplateSchema,
  type ReportTemplate,
  type TemplateKind,
} from '../domain/reporting.js';
import { DEFAULT_DATA_DIR } from '../reference/load-reference-data.js';
import type { Database } from '../store/database.js';
import { readDataFile } from '../reference/read-data-file.js';

export const BUNDLED_TEMPLATES_DIR = join(DEFAULT_DATA_DIR, 'reporting', 'templates');

export function loadBundledTemplates(dir: string = BUNDLED_TEMPLATES_DIR): ReportTemplate[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  return files.map((file) => readDataFile(join(dir, file), reportTemplateSchema));
}

const hashOf = (template: ReportTemplate) =>
  createHash('sha256').update(JSON.stringify(template)).digest('hex');

/** Stores templates not stored yet; refuses a changed template that kept its version number. */
export async function seedTemplates(
  db: Kysely<Database>,
  templates: readonly ReportTemplate[] = loadBundledTemplates(),
): Promise<number> {
  let added = 0;
  await db.transaction().execute(async (trx) => {
    for (const template of templates) {
      const hash = hashOf(template);
      const stored = await trx
        .selectFrom('report_templates')
        .select('content_hash')
        .where('id', '=', template.id)
        .where('version', '=', template.version)
        .executeTakeFirst();
      if (stored) {
        if (stored.content_hash !== hash)
          throw invalidData(
            `template ${template.id}`,
            `version ${template.version} is stored with other content; give the changed template a new version`,
          );
        continue;
      }
      await trx
        .insertInto('report_templates')
        .values({
          id: template.id,
          version: template.version,
          kind: template.kind,
          content: JSON.stringify(template),
          content_hash: hash,
        })
        // Another process starting at the same moment may have stored it first: same content.
        .onConflict((oc) => oc.columns(['id', 'version']).doNothing())
        .execute();
      added++;
    }
  });
  return added;
}

export async function getTemplate(
  db: Kysely<Database>,
  id: string,
  version?: number,
): Promise<ReportTemplate> {
  let query = db.selectFrom('report_templates').select('content').where('id', '=', id);
  if (version !== undefined) query = query.where('version', '=', version);
  const row = await query.orderBy('version', 'desc').limit(1).executeTakeFirst();
  if (!row) throw notFound('report template', version === undefined ? id : `${id}@${version}`);
  return JSON.parse(row.content) as ReportTemplate;
}

/** The newest version of each template. */
export async function listTemplates(db: Kysely<Database>): Promise<ReportTemplate[]> {
  const rows = await db
    .selectFrom('report_templates')
    .select(['id', 'version', 'content'])
    .orderBy('id')
    .orderBy('version', 'desc')
    .execute();
  const seen = new Set<string>();
  return rows
    .filter((row) => !seen.has(row.id) && (seen.add(row.id), true))
    .map((row) => JSON.parse(row.content) as ReportTemplate);
}

export async function latestTemplateOfKind(
  db: Kysely<Database>,
  kind: TemplateKind,
): Promise<ReportTemplate> {
  const all = await listTemplates(db);
  const found = all.find((t) => t.kind === kind);
  if (!found) throw notFound('report template of kind', kind);
  return found;
}
