/**
 * Bad files, on SQLite and PostgreSQL: each gets a clear per-file error naming what is wrong, the
 * good files of the batch are stored, and the store is otherwise exactly as it was.
 */
import { openSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/ingest/extracted-document.js';
import { ingestFiles, type IngestInput } from '../../src/ingest/ingest-files.js';
import type { Store } from '../../src/store/open-store.js';
import { forEachStore } from '../support/for-each-store.js';
import { suiteTempDir } from '../support/temp-dir.js';
import { minimalPdf } from '../support/minimal-pdf.js';
import { FIXTURES, toText } from '../support/un-fixtures.js';

async function snapshot(store: Store) {
  const count = async (
    table:
      'works' | 'expressions' | 'manifestations' | 'segments' | 'vote_entries' | 'work_authors',
  ) =>
    Number(
      (
        await store.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    works: await count('works'),
    expressions: await count('expressions'),
    manifestations: await count('manifestations'),
    segments: await count('segments'),
    votes: await count('vote_entries'),
    authors: await count('work_authors'),
  };
}

/** A zip whose one entry unpacks to 20 MB of zeros from about 20 KB: a compression ratio of ~1000. */
function zipBomb(): Buffer {
  const size = 20 * 1024 * 1024;
  const chunk = Buffer.alloc(size);
  const data = deflateRawSync(chunk, { level: 9 });
  const name = Buffer.from('word/document.xml');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(size, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(size, 24);
  central.writeUInt16LE(name.length, 28);
  const centralOffset = local.length + name.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(centralOffset, 16);
  return Buffer.concat([local, name, data, central, name, end]);
}

const good = (): IngestInput => ({
  name: 'good.txt',
  bytes: Buffer.from(toText({ ...FIXTURES.en, symbol: 'NPT/CONF.2015/PC.II/WP.98' })),
});

forEachStore('ingest refuses bad files', ({ store }) => {
  // It holds a 200 MB file: left behind, every run would cost the machine 400 MB of disk.
  const dir = suiteTempDir('pillars-bad-');
  const cases: [string, IngestInput, RegExp][] = [
    [
      'an empty file',
      { name: 'empty.txt', bytes: Buffer.alloc(0) },
      /^detect format: the file is empty/,
    ],
    [
      'binary garbage',
      {
        name: 'garbage.txt',
        bytes: Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)),
      },
      /binary data/,
    ],
    [
      'a wrong extension',
      { name: 'paper.pdf', bytes: Buffer.from(toText(FIXTURES.fr)) },
      /the extension \.pdf says a PDF, but the content is plain text/,
    ],
    [
      'mixed encodings',
      {
        name: 'mixed.txt',
        bytes: Buffer.concat([
          Buffer.from('Première ligne en UTF-8\nDeuxième ligne\n'),
          Buffer.from('Troisi\xe8me ligne en Latin-1\n', 'latin1'),
        ]),
      },
      /not valid UTF-8 at line 3/,
    ],
    [
      'a truncated PDF',
      {
        name: 'cut.pdf',
        bytes: Buffer.from(
          '%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pag',
        ),
      },
      /extract text: .*(corrupt|invalid|truncated|broken|damaged)/i,
    ],
    [
      'an encrypted PDF',
      { name: 'locked.pdf', bytes: minimalPdf('Secret', { user: 'secret', owner: 'owner' }) },
      /extract text: .*(encrypted|password)/i,
    ],
    [
      'a zip bomb disguised as .docx',
      { name: 'bomb.docx', bytes: zipBomb() },
      /extract text: the zip entry word\/document\.xml expands \d+ times; the limit is 100/,
    ],
    [
      'XML with an external entity',
      {
        name: 'xxe.xml',
        bytes: Buffer.from(
          '<?xml version="1.0"?>\n<!DOCTYPE akomaNtoso [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<akomaNtoso><doc name="x"><mainBody><p>&xxe;</p></mainBody></doc></akomaNtoso>',
        ),
      },
      /extract text: .*(DOCTYPE|entit)/i,
    ],
    [
      'a symbol that does not parse',
      { name: 'good-but-bad-symbol.txt', bytes: Buffer.from(toText(FIXTURES.es)) },
      /symbol/,
    ],
  ];

  it.each(cases)(
    '%s: a clear error, the good file stored, nothing else changed',
    async (_title, bad, reason) => {
      const before = await snapshot(store());
      const options =
        bad.name === 'good-but-bad-symbol.txt' ? { symbol: 'NPT/CONF.15/PC.IV/1' } : {};
      const fine = good();
      const results = await ingestFiles(store(), [bad, fine], options);
      expect(results[0]).toMatchObject({ file: bad.name, status: 'error' });
      expect(results[0]!.reason).toMatch(reason);
      const after = await snapshot(store());
      if (bad.name === 'good-but-bad-symbol.txt') {
        // The symbol applies to the whole batch: the good file fails the same way.
        expect(results[1]!.status).toBe('error');
        expect(after).toEqual(before);
      } else {
        expect(results[1]!.status === 'ok' || results[1]!.status === 'skipped').toBe(true);
        const added = results[1]!.status === 'ok' ? 1 : 0;
        expect(after.expressions).toBe(before.expressions + added);
        expect(after.manifestations).toBe(before.manifestations + added);
      }
    },
  );

  it('a 200 MB line: refused before it is read, with the size named', async () => {
    const path = join(dir, 'long-line.txt');
    const fd = openSync(path, 'w');
    const block = Buffer.alloc(8 * 1024 * 1024, 'a');
    for (let i = 0; i < 25; i++) writeSync(fd, block);
    closeSync(fd);
    const before = await snapshot(store());
    const [result] = await ingestFiles(store(), [{ name: path, path }]);
    expect(result).toMatchObject({ status: 'error' });
    expect(result!.reason).toMatch(/209,715,200 bytes \(limit 52,428,800\)/);
    expect(await snapshot(store())).toEqual(before);
  });

  it('a line longer than the line limit is named by its number', async () => {
    const text = `NPT/CONF.2015/PC.II/WP.97\nDistr.: General\n\nTitle\n\n1. ${'x'.repeat(2_000)}\n`;
    const [result] = await ingestFiles(store(), [{ name: 'wide.txt', bytes: Buffer.from(text) }], {
      limits: { ...DEFAULT_LIMITS, maxLineChars: 1_000 },
    });
    expect(result!.reason).toMatch(/line 6 has 2,003 characters \(limit 1,000\)/);
  });
});
