/**
 * A deterministic corpus of UN-like documents in six languages, built from real text: the
 * sentences of the bundled A/RES/55/100 language versions and the P5 statement, and the Action
 * Plan's keywords and (our) summaries. Used by the search conformance suite and the search
 * benchmark; written through the real store API, so the index is built exactly as on ingestion.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Lang } from '../../src/domain/language-codes.js';
import { LANGUAGES } from '../../src/domain/language-codes.js';
import { syncSearchIndex } from '../../src/search/index/search-index.js';
import type { Database } from '../../src/store/database.js';
import { storeDocument } from '../../src/store/repositories/documents-write.js';

const ROOT = join(import.meta.dirname, '..', '..');

/** Mulberry32: small, fast, and the same on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CITATION: Record<Lang, (n: number) => string> = {
  en: (n) => `Progress on action ${n} of the 2010 Action Plan was reported.`,
  fr: (n) => `Des progrès ont été signalés au titre de la mesure ${n} du Plan d'action de 2010.`,
  es: (n) => `Se informó de los progresos relativos a la medida ${n} del Plan de Acción de 2010.`,
  ru: (n) => `Сообщалось о ходе выполнения действия ${n} Плана действий 2010 года.`,
  ar: (n) => `أُبلغ عن التقدم المحرز في تنفيذ الإجراء ${n} من خطة عمل عام 2010.`,
  zh: (n) => `报告了执行2010年行动计划行动${n}的进展情况。`,
};

function sentencesOf(text: string): string[] {
  return text
    .split(/\n+|(?<=[.;:。；！？؛])\s*/u)
    .map((s) => s.trim())
    .filter((s) => s.length >= 20);
}

let pools: Record<Lang, string[]> | undefined;

/** Real sentences per language. */
export function sentencePools(): Record<Lang, string[]> {
  if (pools) return pools;
  const actions = JSON.parse(readFileSync(join(ROOT, 'data', 'action-plan-2010.json'), 'utf8')) as {
    summary: Partial<Record<Lang, string>>;
    keywords?: Partial<Record<Lang, string[]>>;
  }[];
  const result = {} as Record<Lang, string[]>;
  for (const lang of LANGUAGES) {
    const sample = readFileSync(
      join(ROOT, 'data', 'samples', 'un-ga-res-55-100', `UN_GA_res55-100.${lang}.txt`),
      'utf8',
    );
    const extra =
      lang === 'zh'
        ? readFileSync(
            join(ROOT, 'data', 'samples', 'seed', 'p5-joint-statement-2013.zh.txt'),
            'utf8',
          )
        : '';
    const fromActions = actions.flatMap((a) => [
      ...(a.summary[lang] ? [a.summary[lang]] : []),
      ...(a.keywords?.[lang] ?? []).map((k) => k),
    ]);
    result[lang] = [...sentencesOf(sample), ...sentencesOf(extra), ...fromActions];
  }
  return (pools = result);
}

export interface SyntheticDocument {
  readonly symbol: string;
  readonly body: string;
  readonly series: string;
  readonly lang: Lang;
  readonly date: string;
  readonly meetingId: string | null;
  readonly authors: readonly string[];
  readonly paragraphs: readonly string[];
}

export interface CorpusOptions {
  readonly documents: number;
  readonly paragraphsPerDocument: number;
  readonly seed: number;
  readonly meetings: readonly { id: string; year: number }[];
  readonly states: readonly string[];
}

/** The store's meetings (with their years) and States, which synthetic documents refer to. */
export async function corpusReferences(
  db: Kysely<Database>,
): Promise<Pick<CorpusOptions, 'meetings' | 'states'>> {
  const meetings = await db
    .selectFrom('meetings')
    .select(['id', 'start_date'])
    .orderBy('id')
    .execute();
  const states = await db.selectFrom('states').select('id').orderBy('id').execute();
  return {
    meetings: meetings.map((m) => ({ id: m.id, year: Number(m.start_date.slice(0, 4)) })),
    states: states.map((s) => s.id),
  };
}

const SERIES = ['WP', 'CRP', 'INF', 'L', 'PV'] as const;

/** Documents in all six languages; the same options always give the same documents. */
export function* syntheticDocuments(options: CorpusOptions): Generator<SyntheticDocument> {
  const random = prng(options.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const pool = sentencePools();
  for (let d = 0; d < options.documents; d++) {
    const lang = LANGUAGES[d % LANGUAGES.length]!;
    const meeting = random() < 0.9 ? pick(options.meetings) : null;
    const year = meeting?.year ?? 1995 + Math.floor(random() * 30);
    const series = pick(SERIES);
    const body = `NPT/CONF.${year}/PC.${['I', 'II', 'III'][d % 3]}`;
    const symbol = `${body}/${series}.${Math.floor(d / LANGUAGES.length) + 1}`;
    const authors = Array.from({ length: Math.floor(random() * 3) }, () => pick(options.states));
    const paragraphs: string[] = [];
    for (let p = 0; p < options.paragraphsPerDocument; p++) {
      const count = 1 + Math.floor(random() * 3);
      const sentences = Array.from({ length: count }, () => pick(pool[lang]));
      if (random() < 0.05) sentences.push(CITATION[lang](1 + Math.floor(random() * 64)));
      paragraphs.push(sentences.join(lang === 'zh' ? '' : ' '));
    }
    yield {
      symbol,
      body,
      series,
      lang,
      date: `${year}-0${1 + (d % 9)}-1${d % 10}`,
      meetingId: meeting?.id ?? null,
      authors: [...new Set(authors)],
      paragraphs,
    };
  }
}

/** Stores the documents (in one transaction per batch), indexing them as ingestion does. */
export async function storeSynthetic(
  db: Kysely<Database>,
  documents: Iterable<SyntheticDocument>,
  batch = 200,
): Promise<number> {
  let stored = 0;
  let pending: SyntheticDocument[] = [];
  const flush = async () => {
    const docs = pending;
    pending = [];
    await db.transaction().execute(async (trx) => {
      for (const doc of docs) {
        const content = `${doc.symbol}\n${doc.lang}\n${doc.paragraphs.join('\n')}`;
        const sha256 = createHash('sha256').update(content).digest('hex');
        const stored = await storeDocument(trx, {
          sha256,
          fileName: `${doc.symbol.replace(/\//g, '_')}.${doc.lang}.txt`,
          format: 'txt',
          size: Buffer.byteLength(content),
          extractor: 'synthetic',
          workId: doc.symbol,
          symbol: doc.symbol,
          body: doc.body,
          docType: doc.series,
          meetingId: doc.meetingId,
          lang: doc.lang,
          revision: '',
          title: doc.paragraphs[0]!.slice(0, 80),
          date: doc.date,
          originalLang: null,
          place: null,
          distribution: null,
          agendaItem: null,
          segments: doc.paragraphs.map((text, i) => ({
            eId: `para_${i + 1}`,
            kind: 'paragraph' as const,
            num: String(i + 1),
            text,
          })),
          authors: doc.authors.map((id) => ({ kind: 'state' as const, id, name: id })),
          votes: [],
          warnings: [],
        });
        await syncSearchIndex(trx, [stored.workId], { refresh: stored.workChanged });
      }
    });
    stored += docs.length;
  };
  for (const doc of documents) {
    pending.push(doc);
    if (pending.length >= batch) await flush();
  }
  if (pending.length > 0) await flush();
  return stored;
}
