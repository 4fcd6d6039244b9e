/**
 * The audit chain on both engines: entries appended in one transaction with the change they
 * record (and rolled back with it), and every kind of tampering found — an altered field, an
 * altered link, a deleted entry, a cut-off end.
 */
import { expect, it } from 'vitest';
import { appendAudit, readAuditHead, recordAudit, verifyAudit } from '../../src/audit/audit-log.js';
import { forEachStore } from '../support/for-each-store.js';

forEachStore('audit log', ({ store }) => {
  it('chains entries and verifies them; a rolled-back change leaves no entry', async () => {
    const db = store().db;
    for (let i = 1; i <= 5; i++)
      await recordAudit(db, {
        actor: `u${i}`,
        action: 'test.step',
        target: `t:${i}`,
        detail: { i },
      });
    await expect(
      db.transaction().execute(async (trx) => {
        await appendAudit(trx, { actor: 'x', action: 'test.rolled-back', target: 't:x' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    const result = await verifyAudit(db);
    expect(result).toMatchObject({ ok: true, entries: 5, head: { seq: 5 } });
    expect((await readAuditHead(db)).seq).toBe(5);
  });

  it('finds a cut-off end, an altered link and an altered field', async () => {
    const db = store().db;
    const last = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '=', 5)
      .executeTakeFirstOrThrow();
    await db.deleteFrom('audit_log').where('seq', '=', 5).execute();
    expect((await verifyAudit(db)).findings[0]).toMatchObject({ seq: 5, problem: 'truncated' });
    await db.insertInto('audit_log').values(last).execute();
    expect((await verifyAudit(db)).ok).toBe(true);

    await db
      .updateTable('audit_log')
      .set({ prev_hash: '1'.repeat(64) })
      .where('seq', '=', 3)
      .execute();
    expect((await verifyAudit(db)).findings[0]).toMatchObject({ seq: 3, problem: 'altered' });
    await db
      .updateTable('audit_log')
      .set({
        prev_hash: (
          await db
            .selectFrom('audit_log')
            .select('hash')
            .where('seq', '=', 2)
            .executeTakeFirstOrThrow()
        ).hash,
      })
      .where('seq', '=', 3)
      .execute();
    expect((await verifyAudit(db)).ok).toBe(true);

    await db.updateTable('audit_log').set({ actor: 'mallory' }).where('seq', '=', 4).execute();
    const altered = await verifyAudit(db);
    expect(altered.ok).toBe(false);
    expect(altered.findings[0]!.message).toMatch(/audit entry 4 \(test\.step by mallory/);
  });
});
