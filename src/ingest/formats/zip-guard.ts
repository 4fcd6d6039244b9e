/**
 * @module Reads a zip's central directory ourselves, before any zip library touches the bytes,
 * and refuses archives built to exhaust memory: too many entries, too much declared data, ratios
 * no real document reaches, sizes that disagree between the two copies a zip keeps of them,
 * entries whose data overlap (the "non-recursive" zip bomb), and ZIP64 records, which no Word
 * file needs and which would let an attacker move the goalposts. `inflateEntry` then holds each
 * entry to its declared size, so a lying header cannot smuggle in more data than was checked.
 */
import { crc32, inflateRawSync } from 'node:zlib';
import { ExtractionError, type ExtractionLimits } from '../extracted-document.js';

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly headerOffset: number;
  /** Where the compressed data starts (after the local header). */
  readonly dataOffset: number;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
/** Below this, a high ratio is harmless (an XML part of zeros and spaces compresses 1000:1). */
export const RATIO_FLOOR_BYTES = 1024 * 1024;
const STORED = 0;
const DEFLATED = 8;

export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5);
}

function bomb(message: string): never {
  throw new ExtractionError('zip_bomb', message);
}

function corrupt(message: string): never {
  throw new ExtractionError('corrupt_file', message);
}

/**
 * The end-of-directory record, found as JSZip (inside mammoth) finds it: the last occurrence
 * of its signature. Reading the same record, with no slack, keeps our view and JSZip's identical.
 */
function findEndOfDirectory(bytes: Buffer): number {
  const signature = Buffer.alloc(4);
  signature.writeUInt32LE(END_OF_DIRECTORY);
  const at = bytes.lastIndexOf(signature);
  if (at < 0) corrupt('the zip is truncated or damaged: its end-of-directory record is missing');
  if (at + 22 > bytes.length || at + 22 + bytes.readUInt16LE(at + 20) > bytes.length) {
    corrupt('the zip is truncated: its end-of-directory record is cut off');
  }
  if (at + 22 + bytes.readUInt16LE(at + 20) !== bytes.length) {
    corrupt('the zip is damaged: data follows its end-of-directory record');
  }
  return at;
}

/** The UTF-8 name an Info-ZIP "Unicode Path" extra field (0x7075) gives, which JSZip prefers. */
function unicodePathName(extra: Buffer): string | undefined {
  for (let p = 0; p + 4 <= extra.length;) {
    const id = extra.readUInt16LE(p);
    const size = extra.readUInt16LE(p + 2);
    if (id === 0x7075 && size >= 5) return extra.toString('utf8', p + 9, p + 4 + size);
    p += 4 + size;
  }
  return undefined;
}

/** The entries of a zip, after every check on the directory and the local headers. */
export function readZipDirectory(bytes: Buffer, limits: ExtractionLimits): ZipEntry[] {
  if (bytes.length < 22) corrupt('the zip is truncated: too short to hold a directory');
  const end = findEndOfDirectory(bytes);
  const total = bytes.readUInt16LE(end + 10);
  const directorySize = bytes.readUInt32LE(end + 12);
  const directoryOffset = bytes.readUInt32LE(end + 16);
  if (
    (end >= 20 && bytes.readUInt32LE(end - 20) === ZIP64_LOCATOR) ||
    total === 0xffff ||
    directorySize === 0xffffffff ||
    directoryOffset === 0xffffffff
  ) {
    bomb('the zip uses ZIP64 records, which Pillars does not accept (no Word file needs them)');
  }
  if (bytes.readUInt16LE(end + 4) !== 0 || bytes.readUInt16LE(end + 8) !== total) {
    corrupt('a multi-part (spanned) zip is not supported');
  }
  if (total > limits.maxZipEntries) {
    bomb(`the zip has ${total} entries; the limit is ${limits.maxZipEntries}`);
  }
  // JSZip re-bases every offset when the directory does not end where the end record starts
  // (data prepended to the zip); we refuse that case so both readers see the same entries.
  if (directoryOffset + directorySize !== end) {
    corrupt('the zip is truncated or damaged: its directory is not where its end record says');
  }

  const entries: ZipEntry[] = [];
  const names = new Set<string>();
  let declaredTotal = 0;
  let p = directoryOffset;
  for (let i = 0; i < total; i++) {
    if (p + 46 > directoryOffset + directorySize || bytes.readUInt32LE(p) !== CENTRAL_HEADER) {
      corrupt(`the zip directory is damaged at entry ${i + 1} of ${total}`);
    }
    const flags = bytes.readUInt16LE(p + 8);
    const method = bytes.readUInt16LE(p + 10);
    const crc = bytes.readUInt32LE(p + 16);
    const compressedSize = bytes.readUInt32LE(p + 20);
    const uncompressedSize = bytes.readUInt32LE(p + 24);
    const nameLength = bytes.readUInt16LE(p + 28);
    const recordLength = 46 + nameLength + bytes.readUInt16LE(p + 30) + bytes.readUInt16LE(p + 32);
    const headerOffset = bytes.readUInt32LE(p + 42);
    if (p + recordLength > directoryOffset + directorySize) {
      corrupt(`the zip directory is damaged at entry ${i + 1} of ${total}`);
    }
    const name = bytes.toString('utf8', p + 46, p + 46 + nameLength);
    const extraStart = p + 46 + nameLength;
    const unicodeName = unicodePathName(
      bytes.subarray(extraStart, extraStart + bytes.readUInt16LE(p + 30)),
    );
    p += recordLength;
    if (unicodeName !== undefined && unicodeName !== name) {
      corrupt(`the zip entry ${name} also calls itself ${unicodeName}`);
    }

    if ([compressedSize, uncompressedSize, headerOffset].includes(0xffffffff)) {
      bomb(`the zip entry ${name} uses ZIP64 sizes, which Pillars does not accept`);
    }
    if (flags & 1) {
      throw new ExtractionError('encrypted_file', `the zip entry ${name} is encrypted`);
    }
    if (method !== STORED && method !== DEFLATED) {
      corrupt(`the zip entry ${name} uses compression method ${method}, which Word never writes`);
    }
    if (method === STORED && compressedSize !== uncompressedSize) {
      bomb(`the zip entry ${name} is stored uncompressed but declares two different sizes`);
    }
    if (
      uncompressedSize > RATIO_FLOOR_BYTES &&
      uncompressedSize > Math.max(compressedSize, 1) * limits.maxCompressionRatio
    ) {
      bomb(
        `the zip entry ${name} expands ${Math.round(uncompressedSize / Math.max(compressedSize, 1))} times; the limit is ${limits.maxCompressionRatio}`,
      );
    }
    declaredTotal += uncompressedSize;
    if (declaredTotal > limits.maxUncompressedBytes) {
      bomb(`the zip expands to more than ${limits.maxUncompressedBytes} bytes`);
    }
    if (names.has(name)) corrupt(`the zip has two entries named ${name}`);
    names.add(name);

    // The local header repeats name and sizes; a zip library may trust either copy.
    if (headerOffset + 30 > directoryOffset || bytes.readUInt32LE(headerOffset) !== LOCAL_HEADER) {
      corrupt(`the zip is damaged: the data of ${name} is missing`);
    }
    const localFlags = bytes.readUInt16LE(headerOffset + 6);
    const localName = bytes.toString(
      'utf8',
      headerOffset + 30,
      headerOffset + 30 + bytes.readUInt16LE(headerOffset + 26),
    );
    const dataOffset =
      headerOffset +
      30 +
      bytes.readUInt16LE(headerOffset + 26) +
      bytes.readUInt16LE(headerOffset + 28);
    if (localName !== name || bytes.readUInt16LE(headerOffset + 8) !== method) {
      corrupt(`the zip is damaged: the two headers of ${name} disagree`);
    }
    if (
      (localFlags & 8) === 0 &&
      (bytes.readUInt32LE(headerOffset + 18) !== compressedSize ||
        bytes.readUInt32LE(headerOffset + 22) !== uncompressedSize)
    ) {
      bomb(`the zip entry ${name} declares different sizes in its two headers`);
    }
    if (dataOffset + compressedSize > directoryOffset) {
      corrupt(`the zip is truncated: the data of ${name} runs past the end`);
    }
    entries.push({ name, method, crc, compressedSize, uncompressedSize, headerOffset, dataOffset });
  }

  const byOffset = [...entries].sort((a, b) => a.headerOffset - b.headerOffset);
  for (let i = 1; i < byOffset.length; i++) {
    const before = byOffset[i - 1]!;
    if (before.dataOffset + before.compressedSize > byOffset[i]!.headerOffset) {
      bomb(`the zip entries ${before.name} and ${byOffset[i]!.name} overlap`);
    }
  }
  return entries;
}

/** An entry's bytes, inflated no further than its declared size and checked against its CRC. */
export function inflateEntry(bytes: Buffer, entry: ZipEntry): Buffer {
  const data = bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  let out: Buffer;
  if (entry.method === STORED) {
    out = data;
  } else {
    try {
      out = inflateRawSync(data, { maxOutputLength: Math.max(entry.uncompressedSize, 1) });
    } catch (error) {
      if (error instanceof RangeError) {
        bomb(
          `the zip entry ${entry.name} expands beyond its declared ${entry.uncompressedSize} bytes`,
        );
      }
      corrupt(`the zip entry ${entry.name} is damaged (${(error as Error).message})`);
    }
  }
  if (out.length !== entry.uncompressedSize || crc32(out) !== entry.crc) {
    corrupt(`the zip entry ${entry.name} is damaged: its size or checksum does not match`);
  }
  return out;
}
