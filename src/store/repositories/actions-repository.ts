/**
 * @module The 2010 Action Plan: 64 actions and the Middle East section.
 */
import type { Kysely } from 'kysely';
import type { Action } from '../../domain/model.js';
import type { Pillar } from '../../domain/reference-data.js';
import type { ActionsTable, Database } from '../database.js';

function toAction(row: ActionsTable): Action {
  return {
    id: row.id,
    number: row.number,
    pillar: row.pillar as Pillar,
    subsection: {
      code: row.subsection_code,
      title: JSON.parse(row.subsection_title) as Action['subsection']['title'],
    },
    addressees: JSON.parse(row.addressees) as Action['addressees'],
    articles: JSON.parse(row.articles) as string[],
    instruments: JSON.parse(row.instruments) as string[],
    summary: JSON.parse(row.summary) as Action['summary'],
    keywords: JSON.parse(row.keywords) as Action['keywords'],
    source: row.source,
  };
}

export async function listActions(
  db: Kysely<Database>,
  filter: { pillar?: Pillar | undefined } = {},
): Promise<Action[]> {
  let query = db.selectFrom('actions').selectAll();
  if (filter.pillar !== undefined) query = query.where('pillar', '=', filter.pillar);
  const rows = await query.orderBy('position').execute();
  return rows.map(toAction);
}

/** Accepts `AP2010-A5`, `A5`, `5` and `ME` (the Middle East section). */
export function canonicalActionId(input: string): string | null {
  const text = input.trim().toUpperCase();
  const match = /^(?:AP2010-)?(?:A(?:CTION)?\s*)?(\d{1,2}|ME)$/.exec(text);
  if (!match) return null;
  const [, part = ''] = match;
  if (part === 'ME') return 'AP2010-ME';
  const n = Number(part);
  return n >= 1 && n <= 64 ? `AP2010-A${n}` : null;
}

export async function findAction(db: Kysely<Database>, id: string): Promise<Action | null> {
  const canonical = canonicalActionId(id);
  if (canonical === null) return null;
  const row = await db
    .selectFrom('actions')
    .selectAll()
    .where('id', '=', canonical)
    .executeTakeFirst();
  return row ? toAction(row) : null;
}
