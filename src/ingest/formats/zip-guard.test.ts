import { once } from 'node:events';
import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, ExtractionError, type ExtractionLimits } from '../extracted-document.js';
import { extractDocx } from './docx.js';
import { inflateEntry, readZipDirectory } from './zip-guard.js';

/** An entry as the test wants it written, including lies about its sizes. */
interface TestEntry {
  name: string;
  /** Uncompressed content; or already-deflated data with its real size and CRC. */
  data?: Buffer;
  deflated?: { data: Buffer; size: number; crc: number };
  method?: number;
  flags?: number;
  declaredSize?: number;
  localDeclaredSize?: number;
  crc?: number;
  /** Extra fields for the central record. */
  extra?: Buffer;
}

/** A minimal zip writer, so each test builds exactly the archive it needs. */
function zip(entries: TestEntry[], options: { totalEntries?: number } = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const method = entry.method ?? (entry.deflated ? 8 : 0);
    const raw = entry.data ?? Buffer.alloc(0);
    const body = entry.deflated?.data ?? (method === 8 ? deflateRawSync(raw) : raw);
    const size = entry.deflated?.size ?? raw.length;
    const crc = entry.crc ?? entry.deflated?.crc ?? crc32(raw);
    const name = Buffer.from(entry.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(entry.flags ?? 0, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(entry.localDeclaredSize ?? entry.declaredSize ?? size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(entry.flags ?? 0, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(entry.declaredSize ?? size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(entry.extra?.length ?? 0, 30);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name, entry.extra ?? Buffer.alloc(0));
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(options.totalEntries ?? entries.length, 8);
  end.writeUInt16LE(options.totalEntries ?? entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** Deflates `total` zero bytes a megabyte at a time: the test never holds the expanded data. */
async function deflatedZeros(total: number): Promise<{ data: Buffer; size: number; crc: number }> {
  const chunk = Buffer.alloc(1024 * 1024);
  const deflate = createDeflateRaw({ level: 9 });
  const parts: Buffer[] = [];
  deflate.on('data', (part: Buffer) => parts.push(part));
  let crc = 0;
  for (let written = 0; written < total; written += chunk.length) {
    crc = crc32(chunk, crc);
    if (!deflate.write(chunk)) await once(deflate, 'drain');
  }
  deflate.end();
  await once(deflate, 'end');
  return { data: Buffer.concat(parts), size: total, crc };
}

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof ExtractionError) return `${error.code}: ${error.message}`;
    throw error;
  }
  return undefined;
}

const WORD_XML = Buffer.from('<?xml version="1.0"?><w:document/>');

describe('readZipDirectory and inflateEntry', () => {
  it('reads a well-formed zip and inflates its entries', () => {
    const bytes = zip([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'word/document.xml', data: WORD_XML, method: 8 },
    ]);
    const entries = readZipDirectory(bytes, DEFAULT_LIMITS);
    expect(entries.map((e) => e.name)).toEqual(['[Content_Types].xml', 'word/document.xml']);
    expect(inflateEntry(bytes, entries[1]!).equals(WORD_XML)).toBe(true);
  });

  it('refuses an entry of 300 MB of zeros, and so does extractDocx, quickly', async () => {
    const started = Date.now();
    const bytes = zip([
      { name: 'word/document.xml', deflated: await deflatedZeros(300 * 1024 * 1024) },
    ]);
    expect(bytes.length).toBeLessThan(1024 * 1024);
    expect(codeOf(() => readZipDirectory(bytes, DEFAULT_LIMITS))).toMatch(
      /^zip_bomb: .*expands \d+ times/u,
    );
    await expect(extractDocx(bytes, DEFAULT_LIMITS)).rejects.toMatchObject({ code: 'zip_bomb' });
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('refuses more declared data than maxUncompressedBytes, even at modest ratios', () => {
    const limits: ExtractionLimits = { ...DEFAULT_LIMITS, maxUncompressedBytes: 1000 };
    const bytes = zip([
      { name: 'a.xml', data: Buffer.alloc(600, 'a') },
      { name: 'b.xml', data: Buffer.alloc(600, 'b') },
    ]);
    expect(codeOf(() => readZipDirectory(bytes, limits))).toMatch(
      /^zip_bomb: the zip expands to more than 1000 bytes/u,
    );
  });

  it('refuses a high ratio above the 1 MiB floor and accepts it below', async () => {
    const big = zip([
      { name: 'word/document.xml', deflated: await deflatedZeros(8 * 1024 * 1024) },
    ]);
    expect(codeOf(() => readZipDirectory(big, DEFAULT_LIMITS))).toMatch(/^zip_bomb/u);
    const small = zip([{ name: 'word/styles.xml', data: Buffer.alloc(512 * 1024), method: 8 }]);
    expect(readZipDirectory(small, DEFAULT_LIMITS)).toHaveLength(1);
  });

  it('holds an entry to its declared size when the header lies', () => {
    const bytes = zip([
      {
        name: 'word/document.xml',
        data: Buffer.alloc(4 * 1024 * 1024),
        method: 8,
        declaredSize: 1000,
      },
    ]);
    const [entry] = readZipDirectory(bytes, DEFAULT_LIMITS);
    expect(codeOf(() => inflateEntry(bytes, entry!))).toMatch(
      /^zip_bomb: .*beyond its declared 1000 bytes/u,
    );
  });

  it('refuses too many entries', () => {
    const limits: ExtractionLimits = { ...DEFAULT_LIMITS, maxZipEntries: 3 };
    const bytes = zip(['a', 'b', 'c', 'd'].map((name) => ({ name, data: Buffer.from(name) })));
    expect(codeOf(() => readZipDirectory(bytes, limits))).toBe(
      'zip_bomb: the zip has 4 entries; the limit is 3',
    );
  });

  it('refuses ZIP64 markers', () => {
    expect(
      codeOf(() => readZipDirectory(zip([], { totalEntries: 0xffff }), DEFAULT_LIMITS)),
    ).toMatch(/^zip_bomb: .*ZIP64/u);
    const huge = zip([{ name: 'word/document.xml', data: WORD_XML, declaredSize: 0xffffffff }]);
    expect(codeOf(() => readZipDirectory(huge, DEFAULT_LIMITS))).toMatch(/^zip_bomb: .*ZIP64/u);
  });

  it('refuses sizes that disagree between the two headers or with the method', () => {
    const local = zip([{ name: 'x.xml', data: WORD_XML, method: 8, localDeclaredSize: 5 }]);
    expect(codeOf(() => readZipDirectory(local, DEFAULT_LIMITS))).toMatch(
      /^zip_bomb: .*different sizes in its two headers/u,
    );
    const stored = zip([{ name: 'x.xml', data: WORD_XML, declaredSize: 10 }]);
    expect(codeOf(() => readZipDirectory(stored, DEFAULT_LIMITS))).toMatch(
      /^zip_bomb: .*stored uncompressed/u,
    );
  });

  it('refuses entries whose data overlap', () => {
    // Entry "outer" stores, as its data, a complete local header + data for "inner".
    const innerName = Buffer.from('inner.xml');
    const innerLocal = Buffer.alloc(30);
    innerLocal.writeUInt32LE(0x04034b50, 0);
    innerLocal.writeUInt32LE(crc32(WORD_XML), 14);
    innerLocal.writeUInt32LE(WORD_XML.length, 18);
    innerLocal.writeUInt32LE(WORD_XML.length, 22);
    innerLocal.writeUInt16LE(innerName.length, 26);
    const outerData = Buffer.concat([innerLocal, innerName, WORD_XML]);
    const bytes = zip([{ name: 'outer.xml', data: outerData }]);
    // Add a second central record pointing into the first entry's data.
    const end = bytes.length - 22;
    const directoryOffset = bytes.readUInt32LE(end + 16);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt32LE(crc32(WORD_XML), 16);
    central.writeUInt32LE(WORD_XML.length, 20);
    central.writeUInt32LE(WORD_XML.length, 24);
    central.writeUInt16LE(innerName.length, 28);
    central.writeUInt32LE(30 + 'outer.xml'.length, 42);
    const directory = Buffer.concat([bytes.subarray(directoryOffset, end), central, innerName]);
    const eocd = Buffer.from(bytes.subarray(end));
    eocd.writeUInt16LE(2, 8);
    eocd.writeUInt16LE(2, 10);
    eocd.writeUInt32LE(directory.length, 12);
    const overlapping = Buffer.concat([bytes.subarray(0, directoryOffset), directory, eocd]);
    expect(codeOf(() => readZipDirectory(overlapping, DEFAULT_LIMITS))).toMatch(
      /^zip_bomb: .*overlap/u,
    );
  });

  it('reports truncated, damaged, encrypted and unsupported archives', () => {
    const good = zip([{ name: 'word/document.xml', data: WORD_XML, method: 8 }]);
    expect(
      codeOf(() => readZipDirectory(good.subarray(0, good.length - 10), DEFAULT_LIMITS)),
    ).toMatch(/^corrupt_file: .*truncated/u);
    expect(codeOf(() => readZipDirectory(good.subarray(0, 30), DEFAULT_LIMITS))).toMatch(
      /^corrupt_file/u,
    );
    const encrypted = zip([{ name: 'word/document.xml', data: WORD_XML, flags: 1 }]);
    expect(codeOf(() => readZipDirectory(encrypted, DEFAULT_LIMITS))).toMatch(/^encrypted_file/u);
    const bzip2 = zip([{ name: 'word/document.xml', data: WORD_XML, method: 12 }]);
    expect(codeOf(() => readZipDirectory(bzip2, DEFAULT_LIMITS))).toMatch(
      /^corrupt_file: .*method 12/u,
    );
    const twice = zip([
      { name: 'a.xml', data: WORD_XML },
      { name: 'a.xml', data: WORD_XML },
    ]);
    expect(codeOf(() => readZipDirectory(twice, DEFAULT_LIMITS))).toMatch(
      /^corrupt_file: .*two entries named a\.xml/u,
    );
    const badCrc = zip([{ name: 'a.xml', data: WORD_XML, method: 8, crc: 1234 }]);
    const [entry] = readZipDirectory(badCrc, DEFAULT_LIMITS);
    expect(codeOf(() => inflateEntry(badCrc, entry!))).toMatch(/^corrupt_file: .*checksum/u);
  });

  it('refuses archives a zip library could read differently', () => {
    // An Info-ZIP Unicode Path field that renames the entry: JSZip would use the other name.
    const alias = Buffer.from('word/document.xml');
    const field = Buffer.alloc(9);
    field.writeUInt16LE(0x7075, 0);
    field.writeUInt16LE(5 + alias.length, 2);
    field.writeUInt8(1, 4);
    field.writeUInt32LE(crc32(Buffer.from('decoy.bin')), 5);
    const renamed = zip([
      { name: 'decoy.bin', data: WORD_XML, extra: Buffer.concat([field, alias]) },
    ]);
    expect(codeOf(() => readZipDirectory(renamed, DEFAULT_LIMITS))).toMatch(
      /^corrupt_file: .*also calls itself word\/document\.xml/u,
    );
    // Bytes before the zip: JSZip would shift every offset.
    const prepended = Buffer.concat([
      Buffer.from('MZ-stub'),
      zip([{ name: 'a.xml', data: WORD_XML }]),
    ]);
    expect(codeOf(() => readZipDirectory(prepended, DEFAULT_LIMITS))).toMatch(/^corrupt_file/u);
    const trailing = Buffer.concat([zip([{ name: 'a.xml', data: WORD_XML }]), Buffer.from('junk')]);
    expect(codeOf(() => readZipDirectory(trailing, DEFAULT_LIMITS))).toMatch(
      /^corrupt_file: .*follows/u,
    );
  });
});
