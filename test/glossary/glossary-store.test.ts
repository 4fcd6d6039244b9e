/**
 * The glossary in the store, on SQLite and PostgreSQL: a TBX round trip through an empty store,
 * the bundled starter glossary seeded (and a person's edit surviving a new bundle), bad imports
 * leaving nothing behind, edits as revisions with stale-edit refusal, editions that do not move,
 * term search and the A–Z, annotations of the founding statement at the right paragraphs (and
 * refreshed when the glossary changes), and the consistency check on A/RES/55/100.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { isPillarsError } from '../../src/domain/errors.js';
import { LANGUAGES } from '../../src/domain/language-codes.js';
import { seedSampleDocuments, SAMPLES_DIR } from '../../src/documents/seed-sample-documents.js';
import { getExpression } from '../../src/documents/document-queries.js';
import { BUNDLED_GLOSSARY_DIR, loadBundledGlossary } from '../../src/glossary/bundled-glossary.js';
import { checkDocument, checkFiles } from '../../src/glossary/consistency-check.js';
import { deleteConcept, saveConcept } from '../../src/glossary/edit-concept.js';
import { editionConcepts, publishEdition } from '../../src/glossary/glossary-editions.js';
import { exportGlossary, importGlossary } from '../../src/glossary/glossary-exchange.js';
import {
  alphabetOf,
  conceptHistory,
  getConcept,
  listConcepts,
  searchTerms,
} from '../../src/glossary/glossary-queries.js';
import { readGlossaryHash } from '../../src/glossary/glossary-rows.js';
import { seedGlossary } from '../../src/glossary/seed-glossary.js';
import { annotateStale, expressionTerms } from '../../src/glossary/term-annotations.js';
import { writeTbx } from '../../src/glossary/formats/tbx-write.js';
import { canonicalConcept, editableConcept } from '../../src/glossary/concept-content.js';
import { forEachStore } from '../support/for-each-store.js';
import { testTempDir } from '../support/temp-dir.js';

async function errorOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (isPillarsError(error)) return `${error.code}: ${error.message}`;
    return `error: ${(error as Error).message}`;
  }
  return 'ok';
}

const SEED_SYMBOL_SEARCH = '第四次五常会议联合声明';

forEachStore(
  'Glossary',
  ({ store }) => {
    const bundled = loadBundledGlossary();

    it('imports a TBX export into an empty store and exports the identical file', async () => {
      const db = store().db;
      expect((await listConcepts(db)).total).toBe(0);
      const tbx = writeTbx(bundled.map(canonicalConcept));
      const report = await importGlossary(db, { format: 'tbx', content: tbx, actor: 'test' });
      expect(report.applied).toBe(true);
      expect(report.counts.added).toBe(bundled.length);
      expect(report.counts.rejected).toBe(0);
      expect(await exportGlossary(db, 'tbx')).toBe(tbx);
      // The same file again changes nothing.
      const again = await importGlossary(db, { format: 'tbx', content: tbx, actor: 'test' });
      expect(again.counts.unchanged).toBe(bundled.length);
      expect(await exportGlossary(db, 'tbx')).toBe(tbx);
    });

    it('rejects bad imports with reasons naming the line, and writes nothing', async () => {
      const db = store().db;
      const hash = await readGlossaryHash(db);
      const tbx = writeTbx(bundled.slice(0, 3));
      const firstEntry = /<conceptEntry[\s\S]*?<\/conceptEntry>/.exec(tbx)![0];
      const duplicated = tbx.replace(firstEntry, `${firstEntry}\n${firstEntry}`);
      const dup = await importGlossary(db, { format: 'tbx', content: duplicated, actor: 'test' });
      expect(dup.applied).toBe(false);
      const rejected = dup.results.filter((r) => r.outcome === 'rejected');
      expect(rejected.length).toBeGreaterThan(0);
      expect(rejected[0]!.reason).toMatch(/duplicate/i);
      expect(rejected[0]!.line).toBeGreaterThan(0);

      const german = tbx.replace(/xml:lang="fr"/, 'xml:lang="de"');
      const unknown = await importGlossary(db, { format: 'tbx', content: german, actor: 'test' });
      expect(unknown.applied).toBe(false);
      expect(unknown.results.find((r) => r.outcome === 'rejected')!.reason).toMatch(/de/);

      const xxe = `<?xml version="1.0"?>\n<!DOCTYPE tbx [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n${tbx.replace(/^<\?xml[^>]*>\n/, '')}`;
      expect(
        await errorOf(importGlossary(db, { format: 'tbx', content: xxe, actor: 'test' })),
      ).toMatch(/DOCTYPE|entit/i);

      const malformed = tbx.replace('</termSec>', '');
      expect(
        await errorOf(importGlossary(db, { format: 'tbx', content: malformed, actor: 'test' })),
      ).toMatch(/line \d+/);

      expect(await readGlossaryHash(db)).toBe(hash);
      expect((await listConcepts(db)).total).toBe(bundled.length);
    });

    it('seeds the bundled glossary: 200+ concepts in six languages, definitions in English and Chinese', async () => {
      const db = store().db;
      const seeded = await seedGlossary(db);
      expect(seeded.status).toBe('seeded');
      // Every concept was written by the import above, not by the bundle: a person's work is kept.
      expect(seeded.report!.counts.unchanged).toBe(bundled.length);
      expect((await seedGlossary(db)).status).toBe('unchanged');
      const list = await listConcepts(db, { limit: 1000 });
      expect(list.total).toBeGreaterThanOrEqual(200);
      for (const summary of list.items) {
        for (const lang of LANGUAGES)
          expect(summary.preferred[lang], `${summary.id} ${lang}`).toBeTruthy();
      }
      const ap = await getConcept(db, 'additional-protocol');
      expect(ap.languages.en!.definition!.origin).toBe('ours');
      expect(ap.languages.zh!.definition!.text.length).toBeGreaterThan(5);
      expect(ap.broader.length + ap.related.length).toBeGreaterThan(0);
      const npt = await getConcept(db, 'nuclear-weapon-free-zone');
      expect(npt.narrower).toContain('treaty-of-tlatelolco');
    });

    it('finds terms in any language, folded, and files them A–Z in each collation', async () => {
      const db = store().db;
      expect((await searchTerms(db, 'ДНЯО')).some((h) => h.conceptId === 'npt')).toBe(true);
      expect(
        (await searchTerms(db, 'traite sur la non-proliferation')).some(
          (h) => h.conceptId === 'npt',
        ),
      ).toBe(true);
      expect((await searchTerms(db, '禁产')).some((h) => h.conceptId === 'fmct')).toBe(true);
      expect((await searchTerms(db, '100%_')).length).toBe(0);
      const zh = await alphabetOf(db, 'zh');
      expect(zh.map((l) => l.letter)).toEqual([...zh.map((l) => l.letter)].sort());
      expect(zh.every((l) => /^[A-Z#]$/.test(l.letter))).toBe(true);
      const h = await listConcepts(db, { lang: 'zh', letter: 'H' });
      expect(h.items.some((c) => c.preferred.zh?.startsWith('核'))).toBe(true);
      const ar = await alphabetOf(db, 'ar');
      expect(ar.some((l) => l.letter === 'ا')).toBe(true);
      const fr = await listConcepts(db, { lang: 'fr' });
      const collator = new Intl.Collator('fr');
      const terms = fr.items.map((c) => c.preferred.fr!);
      expect(terms).toEqual([...terms].sort(collator.compare));
    });

    it('keeps every edit as a revision and refuses a stale one', async () => {
      const db = store().db;
      const before = await getConcept(db, 'fmct');
      const concept = editableConcept(before);
      const edited = {
        ...concept,
        note: 'Also called the fissile material treaty (FMT).',
      };
      const saved = await saveConcept(db, {
        concept: edited,
        actor: 'translator A',
        comment: 'add a note',
        baseRevision: before.revision,
      });
      expect(saved.revision).toBe(before.revision + 1);
      expect(
        await errorOf(
          saveConcept(db, {
            concept: edited,
            actor: 'translator B',
            comment: 'late',
            baseRevision: before.revision,
          }),
        ),
      ).toMatch(/^conflict/);
      const history = await conceptHistory(db, 'fmct');
      expect(history.at(-1)).toMatchObject({ actor: 'translator A', comment: 'add a note' });
      expect(
        await errorOf(
          saveConcept(db, {
            concept: { ...edited, broader: ['no-such-concept'] },
            actor: 'x',
            comment: 'y',
          }),
        ),
      ).toMatch(/no-such-concept/);
    });

    it('publishes editions that later edits do not change', async () => {
      const db = store().db;
      await publishEdition(db, { id: '2026-1', title: 'First edition', actor: 'editor' });
      const current = await getConcept(db, 'ctbt');
      const concept = editableConcept(current);
      await saveConcept(db, {
        concept: { ...concept, note: 'edited after the edition' },
        actor: 'editor',
        comment: 'note',
      });
      const edition = await editionConcepts(db, '2026-1');
      expect(edition.find((c) => c.id === 'ctbt')!.note).toBeUndefined();
      expect(
        await errorOf(publishEdition(db, { id: '2026-1', title: 'again', actor: 'editor' })),
      ).toMatch(/exists/);
      const tbx = await exportGlossary(db, 'tbx', { edition: '2026-1' });
      expect(tbx).not.toContain('edited after the edition');
    });

    it('annotates the founding statement: each named concept at the paragraphs that name it', async () => {
      const db = store().db;
      await seedSampleDocuments(store());
      const first = await annotateStale(db);
      expect(first.annotated).toBeGreaterThanOrEqual(7);
      expect((await annotateStale(db)).annotated).toBe(0);
      const docs = await db
        .selectFrom('expressions')
        .select(['id', 'work_id', 'title'])
        .where('lang', '=', 'zh')
        .execute();
      const seed = docs.find(
        (d) =>
          (d.title ?? '').includes(SEED_SYMBOL_SEARCH.slice(0, 6)) || d.title?.includes('五常'),
      );
      expect(seed, 'the founding statement is ingested').toBeDefined();
      const doc = await getExpression(db, seed!.work_id, 'zh');
      const { segments } = await expressionTerms(db, doc.expression.id, 'zh');
      const textOf = new Map(doc.segments.map((s) => [s.eId, s.text]));
      const expected = [
        'npt',
        'ctbt',
        'additional-protocol',
        'fmct',
        'nuclear-disarmament',
        'nuclear-weapon-free-zone',
        'conference-on-disarmament',
        'iaea',
        'un-security-council',
      ];
      for (const id of expected) {
        const concept = await getConcept(db, id);
        const forms = concept.languages.zh!.terms.map((t) => t.text);
        const annotated = new Set(
          segments.filter((s) => s.terms.some((t) => t.conceptId === id)).map((s) => s.eId),
        );
        expect(annotated.size, `${id} found`).toBeGreaterThan(0);
        for (const eId of annotated) {
          const hit = segments.find((s) => s.eId === eId)!.terms.find((t) => t.conceptId === id)!;
          expect(forms.map((f) => f.replace(/\s/g, ''))).toContain(
            textOf.get(eId)!.slice(hit.start, hit.end).replace(/\s/g, ''),
          );
        }
      }
    });

    it('re-annotates when the glossary changes', async () => {
      const db = store().db;
      const ap = await getConcept(db, 'additional-protocol');
      const concept = editableConcept(ap);
      const zh = concept.languages.zh!;
      await saveConcept(db, {
        concept: {
          ...concept,
          languages: {
            ...concept.languages,
            zh: {
              ...zh,
              terms: [
                ...zh.terms,
                { text: '日内瓦', status: 'admitted', type: 'variant', partOfSpeech: 'noun' },
              ],
            },
          },
        },
        actor: 'test',
        comment: 'a deliberately wrong synonym, to see annotations move',
      });
      const result = await annotateStale(db);
      expect(result.annotated).toBeGreaterThan(0);
      const hits = await db
        .selectFrom('term_annotations')
        .select('term')
        .where('concept_id', '=', 'additional-protocol')
        .where('term', '=', '日内瓦')
        .execute();
      expect(hits.length).toBeGreaterThan(0);
      await saveConcept(db, { concept, actor: 'test', comment: 'undo' });
    });

    it('checks A/RES/55/100 from English against each other language, and flags a deprecated term', async () => {
      const db = store().db;
      for (const target of ['ar', 'zh', 'fr', 'ru', 'es'] as const) {
        const report = await checkDocument(db, { symbol: 'A/RES/55/100', source: 'en', target });
        expect(report.conceptsChecked, target).toBeGreaterThan(0);
        expect(report.sourceParagraphs).toBeGreaterThan(5);
      }
      const dir = testTempDir('pillars-glossary-check-');
      const en = join(SAMPLES_DIR, 'un-ga-res-55-100', 'UN_GA_res55-100.en.txt');
      const fr = readFileSync(
        join(SAMPLES_DIR, 'un-ga-res-55-100', 'UN_GA_res55-100.fr.txt'),
        'utf8',
      );
      const plenary = await getConcept(db, 'plenary-meeting');
      const deprecated = plenary.languages.fr!.terms.find((t) => t.status === 'deprecated')!;
      expect(fr).toContain('séance plénière');
      writeFileSync(join(dir, 'fr.txt'), fr.replace('séance plénière', deprecated.text));
      cpSync(en, join(dir, 'en.txt'));
      const clean = await checkFiles(db, {
        sourceFile: en,
        targetFile: join(SAMPLES_DIR, 'un-ga-res-55-100', 'UN_GA_res55-100.fr.txt'),
        source: 'en',
        target: 'fr',
      });
      expect(
        clean.findings.some((f) => f.kind === 'deprecated' && f.conceptId === 'plenary-meeting'),
      ).toBe(false);
      const report = await checkFiles(db, {
        sourceFile: join(dir, 'en.txt'),
        targetFile: join(dir, 'fr.txt'),
        source: 'en',
        target: 'fr',
      });
      const finding = report.findings.find(
        (f) => f.kind === 'deprecated' && f.conceptId === 'plenary-meeting',
      );
      expect(finding, JSON.stringify(report.findings)).toBeDefined();
      expect(finding!.targetTerm!.toLowerCase()).toBe(deprecated.text.toLowerCase());
      expect(finding!.expected).toContain('séance plénière');
    });

    it('does not bring back a concept a person removed when the bundle changes', async () => {
      const db = store().db;
      await deleteConcept(db, 'moscow-treaty', { actor: 'editor', comment: 'out of scope' });
      const copy = testTempDir('pillars-bundle-');
      cpSync(BUNDLED_GLOSSARY_DIR, copy, { recursive: true });
      expect(loadBundledGlossary(copy).length).toBe(bundled.length);
      const extra = {
        ...editableConcept(await getConcept(db, 'ctbt')),
        id: 'test-extra-concept',
        related: ['moscow-treaty'],
      };
      writeFileSync(join(copy, 'zz-extra.json'), JSON.stringify({ concepts: [extra] }));
      const seeded = await seedGlossary(db, copy);
      expect(seeded.status).toBe('seeded');
      expect(await errorOf(getConcept(db, 'moscow-treaty'))).toMatch(/^not_found/);
      expect((await getConcept(db, 'test-extra-concept')).related).toEqual([]);
      const history = await conceptHistory(db, 'moscow-treaty');
      expect(history.at(-1)).toMatchObject({ actor: 'editor', concept: null });
    });
  },
  { seed: true },
);
