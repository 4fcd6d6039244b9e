/**
 * Action Plan monitoring in the store, on SQLite and PostgreSQL: the bundled documents scanned
 * into suggestions attributed to the States that speak; review moves and hand-made evidence as
 * revisions; assessments as revisions; the matrix and the exports reflecting all of it; a
 * re-scan keeping what people decided.
 */
import { expect, it } from 'vitest';
import { isPillarsError } from '../../src/domain/errors.js';
import { seedSampleDocuments } from '../../src/documents/seed-sample-documents.js';
import { evidenceCsv, matrixCsv } from '../../src/evidence/evidence-export.js';
import {
  actionStateMatrix,
  addEvidence,
  assess,
  evidenceHistory,
  listAssessments,
  listEvidence,
  reviewEvidence,
  scanEvidence,
  type EvidenceItem,
} from '../../src/evidence/evidence-service.js';
import { monitoringData } from '../../src/evidence/monitoring.js';
import { forEachStore } from '../support/for-each-store.js';

const P5 = ['CHN', 'FRA', 'GBR', 'RUS', 'USA'];

async function code(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (isPillarsError(error)) return `${error.code}:${error.field ?? ''}`;
    throw error;
  }
  return 'ok';
}

forEachStore('Action Plan evidence', ({ store }) => {
  let ctbt: EvidenceItem;

  it('suggests evidence for the bundled documents, attributed to the States that speak', async () => {
    await seedSampleDocuments(store());
    const first = await scanEvidence(store().db);
    expect(first.scanned).toBe(7);
    expect(first.suggestions).toBeGreaterThan(20);
    // Nothing is stale the second time.
    expect((await scanEvidence(store().db)).scanned).toBe(0);

    const testBan = await listEvidence(store().db, {
      action: '11',
      cycle: 2015,
      limit: 50,
      offset: 0,
    });
    const found = testBan.items.find((e) => e.text.includes('全面禁止核试验条约'));
    expect(found, 'the CTBT paragraph of the founding statement').toBeDefined();
    ctbt = found!;
    expect(ctbt.states).toEqual(P5);
    expect(ctbt.lang).toBe('zh');
    expect(ctbt.status).toBe('suggested');
    expect(ctbt.reasons.length).toBeGreaterThan(0);

    const reporting = await listEvidence(store().db, {
      document: undefined,
      cycle: 2015,
      limit: 500,
      offset: 0,
    });
    const actionsOf = (needle: string) =>
      new Set(reporting.items.filter((e) => e.text.includes(needle)).map((e) => e.actionId));
    expect(actionsOf('行动 5、20 和 21')).toEqual(expect.objectContaining({}));
    for (const id of ['AP2010-A5', 'AP2010-A20', 'AP2010-A21'])
      expect(actionsOf('行动 5、20 和 21').has(id), id).toBe(true);
    expect(actionsOf('无核武器区条约议定书').has('AP2010-A9')).toBe(true);
    expect(
      actionsOf('附加议定书').has('AP2010-A28') || actionsOf('附加议定书').has('AP2010-A29'),
    ).toBe(true);
  });

  it('confirms and rejects as revisions, and refuses moves that are not allowed', async () => {
    const history = await reviewEvidence(store().db, {
      id: ctbt.id,
      status: 'confirmed',
      stance: 'reaffirms',
      actor: 'Monitor A',
      comment: 'the P5 reaffirm their support for entry into force',
    });
    expect(history.map((r) => [r.revision, r.status, r.stance, r.actor])).toEqual([
      [1, 'confirmed', 'reaffirms', 'Monitor A'],
    ]);
    expect(
      await code(reviewEvidence(store().db, { id: ctbt.id, status: 'confirmed', actor: 'X' })),
    ).toBe('invalid_parameter:status');
    expect(
      await code(reviewEvidence(store().db, { id: ctbt.id, status: 'rejected', actor: ' ' })),
    ).toBe('invalid_parameter:actor');
    expect(
      await code(reviewEvidence(store().db, { id: 'ev_nope', status: 'rejected', actor: 'X' })),
    ).toBe('not_found:id');
    expect(
      await code(
        reviewEvidence(store().db, {
          id: ctbt.id,
          status: 'rejected',
          stance: 'sings',
          actor: 'X',
        }),
      ),
    ).toBe('invalid_parameter:stance');

    const other = (await listEvidence(store().db, { action: '23', limit: 1, offset: 0 })).items[0]!;
    await reviewEvidence(store().db, { id: other.id, status: 'rejected', actor: 'Monitor B' });
    const rejected = await listEvidence(store().db, { status: 'rejected', limit: 10, offset: 0 });
    expect(rejected.items.map((e) => e.id)).toEqual([other.id]);
    // Rejected evidence is left out of the default list.
    const visible = await listEvidence(store().db, { action: '23', limit: 500, offset: 0 });
    expect(visible.items.some((e) => e.id === other.id)).toBe(false);
  });

  it('keeps hand-made evidence and reviews through a forced re-scan', async () => {
    const id = await addEvidence(store().db, {
      symbol: 'A/RES/55/100',
      lang: 'en',
      eId: 'para_1',
      action: '64',
      stance: 'calls-for',
      states: ['CUB', 'bol', 'cub'],
      actor: 'Monitor C',
    });
    const again = await scanEvidence(store().db, { force: true });
    expect(again.scanned).toBe(7);
    const confirmed = await listEvidence(store().db, { status: 'confirmed', limit: 10, offset: 0 });
    expect(confirmed.items.map((e) => [e.id, e.origin, e.states])).toEqual(
      expect.arrayContaining([
        [ctbt.id, 'suggested', P5],
        [id, 'manual', ['BOL', 'CUB']],
      ]),
    );
    expect((await evidenceHistory(store().db, id)).map((r) => r.actor)).toEqual(['Monitor C']);
    expect(
      await code(
        addEvidence(store().db, {
          symbol: 'A/RES/55/100',
          lang: 'en',
          eId: 'para_99',
          action: '64',
          actor: 'X',
        }),
      ),
    ).toBe('not_found:id');
    expect(
      await code(
        addEvidence(store().db, {
          symbol: 'A/RES/55/100',
          lang: 'en',
          eId: 'para_1',
          action: '99',
          actor: 'X',
        }),
      ),
    ).toBe('invalid_parameter:action');
  });

  it('records assessments as revisions, and the matrix and exports show them', async () => {
    await assess(store().db, {
      action: '11',
      state: 'fra',
      cycle: 2015,
      status: 'partially-implemented',
      rationale: 'Supports entry into force; no new steps reported.',
      evidenceIds: [ctbt.id],
      actor: 'Assessor 1',
    });
    const history = await assess(store().db, {
      action: 'A11',
      state: 'FRA',
      cycle: 2015,
      status: 'implemented',
      rationale: 'Ratified in 1998; supports the IMS.',
      actor: 'Assessor 2',
    });
    expect(history.map((a) => [a.revision, a.status, a.actor])).toEqual([
      [1, 'partially-implemented', 'Assessor 1'],
      [2, 'implemented', 'Assessor 2'],
    ]);
    expect(await listAssessments(store().db, { action: '11' })).toHaveLength(1);
    expect(
      await code(
        assess(store().db, {
          action: '11',
          state: 'FRA',
          cycle: 2015,
          status: 'great',
          rationale: 'x',
          actor: 'X',
        }),
      ),
    ).toBe('invalid_parameter:status');
    expect(
      await code(
        assess(store().db, {
          action: '11',
          state: 'FRA',
          cycle: 2015,
          status: 'implemented',
          rationale: 'x',
          evidenceIds: ['ev_missing'],
          actor: 'X',
        }),
      ),
    ).toBe('invalid_parameter:evidenceIds');

    const matrix = await actionStateMatrix(store().db, {
      cycle: 2015,
      group: 'P5',
      pillar: 'disarmament',
    });
    expect(matrix.states).toEqual(P5);
    const cell = matrix.cells.find((c) => c.action === 'AP2010-A11' && c.state === 'FRA')!;
    expect(cell.confirmed).toBe(1);
    expect(cell.assessment).toMatchObject({
      status: 'implemented',
      actor: 'Assessor 2',
      cycle: 2015,
    });
    expect(matrix.cells.every((c) => P5.includes(c.state))).toBe(true);
    expect(matrix.actions.every((a) => a.pillar === 'disarmament')).toBe(true);

    expect(matrixCsv(matrix)).toMatch(/AP2010-A11,FRA,\d+,1,implemented,2015,Assessor 2,/u);
    const all = await listEvidence(store().db, { limit: 10_000, offset: 0 });
    const csv = evidenceCsv(all.items);
    expect(csv.split(/\r?\n/u)[0]).toBe(
      'id,action,document,eid,lang,cycle,states,status,stance,origin,score,matched,text',
    );
    expect(csv).toContain(`${ctbt.id},AP2010-A11,`);
    expect(csv).toMatch(/,confirmed,reaffirms,suggested,/u);
  });

  it('gathers the monitoring report of the 2015 cycle', async () => {
    const data = await monitoringData(store().db, 2015, 'en');
    expect(data.pillars.map((p) => p.id)).toEqual([
      'disarmament',
      'non-proliferation',
      'peaceful-uses',
      'middle-east',
    ]);
    const a11 = data.pillars[0]!.actions.find((a) => a.id === 'AP2010-A11')!;
    expect(a11.evidence[0]).toMatchObject({ status: 'confirmed', lang: 'zh', stance: 'reaffirms' });
    expect(a11.evidence[0]!.citation).toMatch(/^第四次五常会议联合声明.*, para\. 9$/u);
    expect(a11.assessments).toEqual([
      expect.objectContaining({ state: 'FRA', status: 'implemented' }),
    ]);
    expect(a11.treatyFigures.some((f) => f.label.startsWith('CTBT: 163 ratified or acceded'))).toBe(
      true,
    );
    const disarmament = data.totals.find((t) => t.pillar === 'Nuclear disarmament')!;
    expect(disarmament.confirmed).toBeGreaterThanOrEqual(1);
  });
});
