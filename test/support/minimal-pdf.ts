/**
 * A one-page PDF written by hand, optionally encrypted, so tests of bad and locked PDFs need no
 * PDF tool.
 */
import { createHash } from 'node:crypto';

/**
 * A one-page PDF written by hand, optionally encrypted with the standard security handler
 * (revision 2: RC4 with a 40-bit key, PDF 1.7 §7.6.3), so tests need no PDF tool.
 */
export function minimalPdf(text: string, encryption?: { user?: string; owner: string }): Buffer {
  const content = Buffer.from(`BT /F1 14 Tf 72 720 Td (${text}) Tj ET`, 'latin1');
  const id = createHash('md5').update(text).digest();
  const objects: Buffer[] = [];
  let trailerExtra = '';
  let stream: Buffer = content;
  if (encryption !== undefined) {
    const pad = Buffer.from(
      '28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a',
      'hex',
    );
    const padded = (password: string) =>
      Buffer.concat([Buffer.from(password, 'latin1'), pad]).subarray(0, 32);
    const md5 = (...parts: Buffer[]) => createHash('md5').update(Buffer.concat(parts)).digest();
    const permissions = -4;
    const p = Buffer.alloc(4);
    p.writeInt32LE(permissions);
    const o = rc4(md5(padded(encryption.owner)).subarray(0, 5), padded(encryption.user ?? ''));
    const key = md5(padded(encryption.user ?? ''), o, p, id).subarray(0, 5);
    const u = rc4(key, pad);
    const objectKey = md5(key, Buffer.from([5, 0, 0, 0, 0])).subarray(0, 10);
    stream = rc4(objectKey, content);
    objects[6] = Buffer.from(
      `<< /Filter /Standard /V 1 /R 2 /O <${o.toString('hex')}> /U <${u.toString('hex')}> /P ${permissions} >>`,
    );
    trailerExtra = ' /Encrypt 6 0 R';
  }
  objects[1] = Buffer.from('<< /Type /Catalog /Pages 2 0 R >>');
  objects[2] = Buffer.from('<< /Type /Pages /Kids [3 0 R] /Count 1 >>');
  objects[3] = Buffer.from(
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
  );
  objects[4] = Buffer.from('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
  objects[5] = Buffer.concat([
    Buffer.from(`<< /Length ${stream.length} >>\nstream\n`),
    stream,
    Buffer.from('\nendstream'),
  ]);
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let length = parts[0]!.length;
  for (let n = 1; n < objects.length; n++) {
    const body = objects[n];
    if (body === undefined) continue;
    offsets[n] = length;
    const chunk = Buffer.concat([Buffer.from(`${n} 0 obj\n`), body, Buffer.from('\nendobj\n')]);
    parts.push(chunk);
    length += chunk.length;
  }
  const xref = [`xref\n0 ${objects.length}\n`, '0000000000 65535 f \n'];
  for (let n = 1; n < objects.length; n++) {
    xref.push(
      `${String(offsets[n] ?? 0).padStart(10, '0')} 00000 ${offsets[n] === undefined ? 'f' : 'n'} \n`,
    );
  }
  const hexId = id.toString('hex');
  parts.push(
    Buffer.from(
      `${xref.join('')}trailer\n<< /Size ${objects.length} /Root 1 0 R${trailerExtra} /ID [<${hexId}> <${hexId}>] >>\nstartxref\n${length}\n%%EOF\n`,
    ),
  );
  return Buffer.concat(parts);
}

/** RC4, which OpenSSL 3 keeps in its legacy provider; small enough to write out. */
function rc4(key: Buffer, data: Buffer): Buffer {
  const s = Array.from({ length: 256 }, (_, i) => i);
  let j = 0;
  for (let i = 0; i < 256; i++) {
    j = (j + s[i]! + key[i % key.length]!) & 255;
    [s[i], s[j]] = [s[j]!, s[i]!];
  }
  const out = Buffer.alloc(data.length);
  let i = 0;
  j = 0;
  for (let k = 0; k < data.length; k++) {
    i = (i + 1) & 255;
    j = (j + s[i]!) & 255;
    [s[i], s[j]] = [s[j]!, s[i]!];
    out[k] = data[k]! ^ s[(s[i]! + s[j]!) & 255]!;
  }
  return out;
}
