/**
 * @module The data of the monitoring report of one review cycle: per pillar and action, our
 * summary, the evidence (confirmed first, then the strongest unreviewed suggestions), the latest
 * assessments, and the status of the instruments the action names on the cycle's Review
 * Conference date — each figure with its source.
 */
import type { Kysely } from 'kysely';
import type { MonitoringAction, MonitoringData } from '../domain/evidence.js';
import type { Lang } from '../domain/language-codes.js';
import { incompleteCoverage } from '../treaties/event-coverage.js';
import { instrumentStatus } from '../treaties/treaty-queries.js';
import type { Database } from '../store/database.js';
import { listActions } from '../store/repositories/actions-repository.js';
import { listMeetings } from '../store/repositories/meetings-repository.js';
import { listAssessments, listEvidence, type EvidenceItem } from './evidence-service.js';

/** Evidence shown per action: all confirmed, then this many suggestions. */
const SUGGESTIONS_PER_ACTION = 3;

const PILLAR_TITLES: Readonly<Record<string, Readonly<Record<Lang, string>>>> = {
  disarmament: {
    en: 'Nuclear disarmament',
    zh: '核裁军',
    fr: 'Désarmement nucléaire',
    ru: 'Ядерное разоружение',
    es: 'Desarme nuclear',
    ar: 'نزع السلاح النووي',
  },
  'non-proliferation': {
    en: 'Nuclear non-proliferation',
    zh: '核不扩散',
    fr: 'Non-prolifération nucléaire',
    ru: 'Ядерное нераспространение',
    es: 'No proliferación nuclear',
    ar: 'عدم الانتشار النووي',
  },
  'peaceful-uses': {
    en: 'Peaceful uses of nuclear energy',
    zh: '和平利用核能',
    fr: "Utilisations pacifiques de l'énergie nucléaire",
    ru: 'Мирное использование ядерной энергии',
    es: 'Usos pacíficos de la energía nuclear',
    ar: 'الاستخدامات السلمية للطاقة النووية',
  },
  'middle-east': {
    en: 'The Middle East',
    zh: '中东',
    fr: 'Le Moyen-Orient',
    ru: 'Ближний Восток',
    es: 'Oriente Medio',
    ar: 'الشرق الأوسط',
  },
};

/**
 * "A/RES/55/100, para. 2": the printed number, else the reading-order number of an unnumbered
 * document (`para_8`), else the eId; a document without a symbol is cited by its title.
 */
function citation(item: EvidenceItem, num: string | null): string {
  const document = item.document.startsWith('pillars:') && item.title ? item.title : item.document;
  const reading = /^para_(\d+)$/u.exec(item.eId)?.[1];
  const label = num ? `para. ${num.replace(/\.$/u, '')}` : reading ? `para. ${reading}` : item.eId;
  return `${document}, ${label}`;
}

/** The Review Conference of the cycle (its first day): the date treaty figures are taken on. */
async function cycleDate(db: Kysely<Database>, cycle: number): Promise<string> {
  const meetings = await listMeetings(db);
  const conference = meetings.find((m) => m.cycle === cycle && m.kind === 'review-conference');
  return conference?.startDate ?? `${cycle}-05-01`;
}

export async function monitoringData(
  db: Kysely<Database>,
  cycle: number,
  lang: Lang,
): Promise<MonitoringData> {
  const [actions, evidence, assessments, asOf] = await Promise.all([
    listActions(db, {}),
    listEvidence(db, { cycle, limit: 100_000, offset: 0 }),
    listAssessments(db, { cycle }),
    cycleDate(db, cycle),
  ]);
  const numOf = async (item: EvidenceItem) => {
    const segment = await db
      .selectFrom('segments')
      .select('num')
      .where('expression_id', '=', item.expressionId)
      .where('eid', '=', item.eId)
      .executeTakeFirst();
    return segment?.num ?? null;
  };
  const figures = new Map<string, MonitoringAction['treatyFigures'][number]>();
  const figureFor = async (instrument: string) => {
    if (!figures.has(instrument)) {
      const incomplete = incompleteCoverage(instrument);
      if (incomplete !== undefined) {
        figures.set(instrument, {
          label: `${instrument}: ${incomplete}`,
          value: '',
          source: 'docs/data-coverage.md',
        });
        return figures.get(instrument);
      }
      try {
        const status = await instrumentStatus(db, instrument, asOf);
        const { party, consented, signed } = status.counts;
        const parts = [
          party > 0 ? `${party} parties` : null,
          consented > 0 ? `${consented} ratified or acceded, not yet in force for them` : null,
          signed > 0 ? `${signed} signed without ratifying` : null,
        ].filter((p): p is string => p !== null);
        figures.set(instrument, {
          label: `${status.instrument.name}: ${parts.join('; ') || 'no participation recorded'} (on ${asOf})`,
          value: String(party + consented),
          source: `computed from ${status.events} participation events on record (depositary records; see docs/data-coverage.md)`,
        });
      } catch {
        // An instrument without events (IAEA agreements are not curated yet) has no figure.
      }
    }
    return figures.get(instrument);
  };

  // Totals are counted in the store: the items loaded above are capped.
  const counted = new Map(
    (
      await db
        .selectFrom('evidence')
        .select(['action_id', 'status', (eb) => eb.fn.countAll<number>().as('n')])
        .where('cycle', '=', cycle)
        .groupBy(['action_id', 'status'])
        .execute()
    ).map((r) => [`${r.action_id}|${r.status}`, Number(r.n)]),
  );
  const pillars: MonitoringData['pillars'][number][] = [];
  const totals: { pillar: string; confirmed: number; suggested: number }[] = [];
  for (const pillar of [
    'disarmament',
    'non-proliferation',
    'peaceful-uses',
    'middle-east',
  ] as const) {
    const inPillar = actions.filter((a) => a.pillar === pillar);
    const rows: MonitoringAction[] = [];
    let confirmed = 0;
    let suggested = 0;
    for (const action of inPillar) {
      const items = evidence.items.filter((e) => e.actionId === action.id);
      const chosen = [
        ...items.filter((e) => e.status === 'confirmed'),
        ...items
          .filter((e) => e.status === 'suggested')
          .sort((x, y) => Number(y.lang === lang) - Number(x.lang === lang) || y.score - x.score)
          .slice(0, SUGGESTIONS_PER_ACTION),
      ];
      confirmed += counted.get(`${action.id}|confirmed`) ?? 0;
      suggested += counted.get(`${action.id}|suggested`) ?? 0;
      const treatyFigures = [];
      for (const instrument of action.instruments) {
        const figure = await figureFor(instrument);
        if (figure) treatyFigures.push(figure);
      }
      rows.push({
        id: action.id,
        number: action.number,
        summary: action.summary[lang] ?? action.summary.en,
        source: action.source,
        evidence: await Promise.all(
          chosen.map(async (e) => ({
            citation: citation(e, await numOf(e)),
            lang: e.lang,
            text: e.text,
            states: e.states,
            status: e.status,
            stance: e.stance,
          })),
        ),
        assessments: assessments
          .filter((a) => a.actionId === action.id)
          .map((a) => ({
            state: a.stateId,
            status: a.status,
            rationale: a.rationale,
            actor: a.actor,
            at: a.createdAt,
          })),
        treatyFigures,
      });
    }
    pillars.push({ id: pillar, title: PILLAR_TITLES[pillar]![lang], actions: rows });
    totals.push({ pillar: PILLAR_TITLES[pillar]![lang], confirmed, suggested });
  }
  return { cycle, lang, generatedAt: new Date().toISOString(), pillars, totals };
}
