/**
 * The document verbs as a user runs them: `ingest`, `docs list|show|export`, `votes`.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { runPillars } from '../support/run-pillars.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, toText } from '../support/un-fixtures.js';
import { suiteTempDir } from '../support/temp-dir.js';

const dir = suiteTempDir('pillars-doc-cli-');
const db = join(dir, 'docs.db');

const pillars = (args: string[]) => runPillars(['--db', db, ...args]);

describe('pillars document verbs', () => {
  beforeAll(() => {
    expect(pillars(['seed']).code).toBe(0);
    const inbox = join(dir, 'inbox');
    mkdirSync(inbox);
    writeFileSync(
      join(inbox, 'wp-en.txt'),
      toText({ ...FIXTURES.en, symbol: 'NPT/CONF.2015/PC.II/WP.7' }),
    );
    writeFileSync(
      join(inbox, 'wp-fr.txt'),
      toText({ ...FIXTURES.fr, symbol: 'NPT/CONF.2015/PC.II/WP.7' }),
    );
    writeFileSync(join(inbox, 'notes.txt'), Buffer.from([0, 1, 2, 3, 255, 254, 0, 0]));
  });

  it('ingests a directory: one result per file, good files stored, exit 1 for the bad one', () => {
    const r = pillars(['ingest', join(dir, 'inbox'), '--json']);
    expect(r.code).toBe(1);
    const { results, summary } = JSON.parse(r.stdout) as {
      results: { file: string; status: string; reason?: string }[];
      summary: object;
    };
    expect(summary).toEqual({ ok: 2, skipped: 0, error: 1 });
    expect(results.find((x) => x.file.endsWith('notes.txt'))).toMatchObject({
      status: 'error',
      reason: expect.stringMatching(/binary data/) as unknown,
    });
    expect(r.stderr).toMatch(/notes\.txt: detect format: binary data/);
  });

  it('skips files already ingested, and reports a missing path', () => {
    const r = pillars(['ingest', join(dir, 'inbox', 'wp-*.txt'), join(dir, 'nowhere.txt')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/skipped .*wp-en\.txt/);
    expect(r.stdout).toMatch(/0 ingested, 2 skipped, 1 failed/);
    expect(r.stderr).toMatch(/nowhere\.txt: no such file or no match/);
  });

  it('lists documents with filters', () => {
    const all = JSON.parse(pillars(['docs', 'list', '--json']).stdout) as {
      symbol: string | null;
      languages: string[];
    }[];
    expect(all.map((d) => d.symbol)).toEqual(
      expect.arrayContaining(['A/RES/55/100', 'NPT/CONF.2015/PC.II/WP.7']),
    );
    const meeting = JSON.parse(
      pillars(['docs', 'list', '--meeting', 'NPT-2015-PC2', '--json']).stdout,
    ) as { symbol: string | null }[];
    expect(meeting.map((d) => d.symbol)).toContain('NPT/CONF.2015/PC.II/WP.7');
    expect(meeting.map((d) => d.symbol)).not.toContain('A/RES/55/100');
    expect(JSON.parse(pillars(['docs', 'list', '--type', 'res', '--json']).stdout)).toHaveLength(1);
  });

  it('shows segments with eIds in order, for any spelling of the symbol', () => {
    const r = pillars(['docs', 'show', 'npt/conf.2015/pc.ii/wp.7', '--lang', 'fr', '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as {
      segments: { eId: string }[];
      expression: { lang: string };
    };
    expect(doc.expression.lang).toBe('fr');
    expect(doc.segments.map((s) => s.eId)).toEqual([
      'title',
      'para_1',
      'para_2',
      'para_2__subpara_a',
      'para_2__subpara_b',
      'para_3',
    ]);
    const text = pillars(['docs', 'show', 'NPT/CONF.2015/PC.II/WP.7', '--lang', 'en']);
    expect(text.stdout).toMatch(/para_2__subpara_b\s+\(b\) apply it provisionally/);
  });

  it('exports Akoma Ntoso, JSON and text', () => {
    const out = join(dir, 'wp7.xml');
    expect(
      pillars([
        'docs',
        'export',
        'NPT/CONF.2015/PC.II/WP.7',
        '--lang',
        'en',
        '--format',
        'akn',
        '-o',
        out,
      ]).code,
    ).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/<akomaNtoso[\s\S]*eId="para_2__subpara_a"/);
    const txt = pillars([
      'docs',
      'export',
      'NPT/CONF.2015/PC.II/WP.7',
      '--lang',
      'en',
      '--format',
      'txt',
    ]);
    expect(txt.stdout).toMatch(
      /^Strengthening safeguards through the additional protocol\n\n1\. The States parties recall/,
    );
    expect(
      pillars(['docs', 'export', 'NPT/CONF.2015/PC.II/WP.7', '--lang', 'en', '--format', 'pdf'])
        .code,
    ).toBe(2);
  });

  it('votes: 106 / 1 / 67 in every language, nothing unresolved', () => {
    const r = pillars(['votes', 'A/RES/55/100', '--json']);
    expect(r.code).toBe(0);
    const votes = JSON.parse(r.stdout) as {
      lang: string;
      inFavour: string[];
      against: string[];
      abstaining: string[];
      unresolved: string[];
    }[];
    expect(votes).toHaveLength(6);
    for (const v of votes)
      expect([
        v.inFavour.length,
        v.against.length,
        v.abstaining.length,
        v.unresolved.length,
      ]).toEqual([106, 1, 67, 0]);
    const one = JSON.parse(pillars(['votes', 'A/RES/55/100', '--lang', 'zh', '--json']).stdout) as {
      lang: string;
    };
    expect(one.lang).toBe('zh');
  });

  it('explains unknown documents and bad symbols', () => {
    const missing = pillars(['docs', 'show', 'NPT/CONF.2015/PC.II/WP.999']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no document with id 'NPT\/CONF\.2015\/PC\.II\/WP\.999'/);
    const bad = pillars(['docs', 'show', 'NPT/CONF.2015/PC.IV/1']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/symbol: 'NPT\/CONF\.2015\/PC\.IV\/1' is not a UN symbol/);
    expect(pillars(['votes', 'NPT/CONF.2015/PC.II/WP.7']).code).toBe(1);
  });

  it('gives a symbol to a document ingested without one', () => {
    const file = join(dir, 'untitled.txt');
    writeFileSync(
      file,
      'A statement without a symbol\n\n1. The States parties welcome the progress made.\n2. They look forward to the next session.\n',
    );
    const first = JSON.parse(pillars(['ingest', file, '--json']).stdout) as {
      results: { workId: string; symbol: string | null }[];
    };
    expect(first.results[0]!.symbol).toBeNull();
    expect(first.results[0]!.workId).toMatch(/^pillars:[0-9a-f]{12}$/);
    const second = JSON.parse(
      pillars(['ingest', file, '--symbol', 'NPT/CONF.2015/PC.II/WP.50', '--json']).stdout,
    ) as { results: { status: string; symbol: string }[] };
    expect(second.results[0]).toMatchObject({ status: 'ok', symbol: 'NPT/CONF.2015/PC.II/WP.50' });
    const shown = JSON.parse(
      pillars(['docs', 'show', 'NPT/CONF.2015/PC.II/WP.50', '--json']).stdout,
    ) as { work: { meetingId: string | null } };
    expect(shown.work.meetingId).toBeNull();
    expect(pillars(['docs', 'show', first.results[0]!.workId]).code).toBe(1);
  });
});
