import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvError, formatCsv, parseCsv, parseCsvRecords } from './csv.js';

describe('parseCsv', () => {
  it('reads quoted fields with commas, quotes and line breaks, CRLF and a BOM', () => {
    const text =
      '\uFEFFname,note\r\n"Iran (Islamic Republic of)","a ""quoted"", note"\r\nChina,"two\nlines"\r\n';
    expect(parseCsv(text)).toEqual([
      ['name', 'note'],
      ['Iran (Islamic Republic of)', 'a "quoted", note'],
      ['China', 'two\nlines'],
    ]);
  });

  it('keeps empty fields and a last line without a newline', () => {
    expect(parseCsv('a,,c\n,,')).toEqual([
      ['a', '', 'c'],
      ['', '', ''],
    ]);
  });

  it('names the line of an unclosed quote', () => {
    expect(() => parseCsv('a,b\n1,"open\n2,3\n')).toThrow(CsvError);
    expect(() => parseCsv('a,b\n1,"open\n2,3\n')).toThrow(/line 4/);
  });

  it('names the line of a row with the wrong number of fields', () => {
    expect(() => parseCsvRecords('a,b\n1,2\n3\n')).toThrow(/line 3: expected 2 fields, found 1/);
  });

  it('gives back what formatCsv wrote, for any table of strings', () => {
    const cell = fc.string({
      unit: fc.constantFrom('a', 'з', '核', 'ع', ',', '"', '\n', '\r\n', ' ', 'x'),
    });
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 }),
        (rows) => {
          // A lone empty field on a line is indistinguishable from an empty line; quote-free empty rows are out of scope.
          fc.pre(rows.every((r) => !(r.length === 1 && r[0] === '')));
          expect(parseCsv(formatCsv(rows))).toEqual(rows);
        },
      ),
    );
  });
});
