import { randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';
import {
  Document,
  FootnoteReferenceRun,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  TextRun,
} from 'docx';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../domain/language-codes.js';
import { DEFAULT_LIMITS, type TextBlock } from '../extracted-document.js';
import { extractDocx } from './docx.js';
import { formatWordNumber } from './docx-numbering.js';

interface Fixture {
  title: string;
  heading: string;
  paragraphs: [string, string];
  subparagraphs: [string, string];
  bullet: string;
  footnote: string;
  /** Word's format for lettered sub-paragraphs, and the labels it prints for the first two. */
  letters: {
    format: (typeof LevelFormat)[keyof typeof LevelFormat];
    text: string;
    labels: [string, string];
  };
  rtl?: true;
}

const LATIN = { format: LevelFormat.LOWER_LETTER, text: '(%2)', labels: ['(a)', '(b)'] } as const;
const FIXTURES: Record<Lang, Fixture> = {
  en: {
    title: 'Working paper submitted by Egypt',
    heading: 'Nuclear disarmament',
    paragraphs: ['The Conference reaffirms the Treaty.', 'Calls upon all States:'],
    subparagraphs: ['to ratify the Treaty;', 'to conclude safeguards agreements.'],
    bullet: 'A list item',
    footnote: 'See NPT/CONF.2010/50 (Vol. I).',
    letters: { ...LATIN, labels: ['(a)', '(b)'] },
  },
  fr: {
    title: 'Document de travail présenté par l’Égypte',
    heading: 'Désarmement nucléaire',
    paragraphs: ['La Conférence réaffirme le Traité.', 'Demande à tous les États :'],
    subparagraphs: ['de ratifier le Traité ;', 'de conclure des accords de garanties.'],
    bullet: 'Un élément de liste',
    footnote: 'Voir NPT/CONF.2010/50 (vol. I).',
    letters: { ...LATIN, labels: ['(a)', '(b)'] },
  },
  es: {
    title: 'Documento de trabajo presentado por Egipto',
    heading: 'Desarme nuclear',
    paragraphs: ['La Conferencia reafirma el Tratado.', 'Exhorta a todos los Estados a:'],
    subparagraphs: ['ratificar el Tratado;', 'concertar acuerdos de salvaguardias.'],
    bullet: 'Un elemento de la lista',
    footnote: 'Véase NPT/CONF.2010/50 (vol. I).',
    letters: { ...LATIN, labels: ['(a)', '(b)'] },
  },
  ru: {
    title: 'Рабочий документ, представленный Египтом',
    heading: 'Ядерное разоружение',
    paragraphs: ['Конференция подтверждает Договор.', 'Призывает все государства:'],
    subparagraphs: ['ратифицировать Договор;', 'заключить соглашения о гарантиях.'],
    bullet: 'Элемент списка',
    footnote: 'См. NPT/CONF.2010/50 (Vol. I).',
    letters: { format: LevelFormat.RUSSIAN_LOWER, text: '%2)', labels: ['а)', 'б)'] },
  },
  ar: {
    title: 'ورقة عمل مقدمة من مصر',
    heading: 'نزع السلاح النووي',
    paragraphs: ['يؤكد المؤتمر من جديد المعاهدة.', 'يهيب بجميع الدول:'],
    subparagraphs: ['أن تصدق على المعاهدة؛', 'أن تبرم اتفاقات ضمانات.'],
    bullet: 'بند في قائمة',
    footnote: 'انظر NPT/CONF.2010/50 (Vol. I).',
    letters: { format: LevelFormat.ARABIC_ABJAD, text: '(%2)', labels: ['(أ)', '(ب)'] },
    rtl: true,
  },
  zh: {
    title: '埃及提交的工作文件',
    heading: '核裁军',
    paragraphs: ['会议重申《不扩散核武器条约》。', '吁请所有国家：'],
    subparagraphs: ['批准该条约；', '缔结保障协定（全面）。'],
    bullet: '列表项',
    footnote: '见NPT/CONF.2010/50（第一卷）。',
    letters: { ...LATIN, labels: ['(a)', '(b)'] },
  },
};

async function wordFile(f: Fixture): Promise<Buffer> {
  const rtl = f.rtl ? { bidirectional: true } : {};
  const numbered = (text: string, level: number) =>
    new Paragraph({ text, numbering: { reference: 'paras', level }, ...rtl });
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: 'paras',
          levels: [
            { level: 0, format: LevelFormat.DECIMAL, text: '%1.', start: 1 },
            { level: 1, format: f.letters.format, text: f.letters.text, start: 1 },
          ],
        },
        { reference: 'bullets', levels: [{ level: 0, format: LevelFormat.BULLET, text: '•' }] },
      ],
    },
    footnotes: { 1: { children: [new Paragraph({ text: f.footnote, ...rtl })] } },
    sections: [
      {
        children: [
          new Paragraph({ text: f.title, heading: HeadingLevel.TITLE, ...rtl }),
          new Paragraph({ text: `I. ${f.heading}`, heading: HeadingLevel.HEADING_1, ...rtl }),
          new Paragraph({
            children: [new TextRun(f.paragraphs[0]), new FootnoteReferenceRun(1)],
            numbering: { reference: 'paras', level: 0 },
            ...rtl,
          }),
          new Paragraph({ text: `II. ${f.heading}`, heading: HeadingLevel.HEADING_2, ...rtl }),
          numbered(f.paragraphs[1], 0),
          numbered(f.subparagraphs[0], 1),
          numbered(f.subparagraphs[1], 1),
          new Paragraph({ text: f.bullet, numbering: { reference: 'bullets', level: 0 }, ...rtl }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

function expected(f: Fixture): TextBlock[] {
  return [
    { kind: 'heading', level: 1, text: f.title },
    { kind: 'heading', level: 1, text: `I. ${f.heading}` },
    { kind: 'list-item', num: '1', text: f.paragraphs[0] },
    { kind: 'heading', level: 2, text: `II. ${f.heading}` },
    // Numbering continues across the heading, as Word prints it (mammoth's <ol> would restart).
    { kind: 'list-item', num: '2', text: f.paragraphs[1] },
    { kind: 'list-item', num: f.letters.labels[0], text: f.subparagraphs[0] },
    { kind: 'list-item', num: f.letters.labels[1], text: f.subparagraphs[1] },
    { kind: 'list-item', text: f.bullet },
    { kind: 'footnote', num: '1', text: f.footnote },
  ];
}

/** A zip with stored (uncompressed) entries: enough for the format tests. */
function storedZip(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const [n, data] = [Buffer.from(name), Buffer.from(content)];
    const local = Buffer.alloc(30);
    const central = Buffer.alloc(46);
    local.writeUInt32LE(0x04034b50, 0);
    central.writeUInt32LE(0x02014b50, 0);
    for (const [header, at] of [
      [local, 14],
      [central, 16],
    ] as const) {
      header.writeUInt32LE(crc32(data), at);
      header.writeUInt32LE(data.length, at + 4);
      header.writeUInt32LE(data.length, at + 8);
      header.writeUInt16LE(n.length, at + 12);
    }
    central.writeUInt32LE(offset, 42);
    locals.push(local, n, data);
    centrals.push(central, n);
    offset += 30 + n.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(centrals.length / 2, 8);
  end.writeUInt16LE(centrals.length / 2, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

describe('extractDocx', () => {
  it.each(Object.keys(FIXTURES) as Lang[])(
    'reads a Word file in %s with exact text and numbers',
    async (lang) => {
      const fixture = FIXTURES[lang];
      const result = await extractDocx(await wordFile(fixture), DEFAULT_LIMITS);
      expect(result.blocks).toEqual(expected(fixture));
      expect(result.metadata.title).toBe(fixture.title);
      expect(result.extractor).toBe('mammoth');
      expect(result.format).toBe('docx');
    },
  );

  it('refuses random bytes, a truncated file and a zip that is not a Word document', async () => {
    await expect(extractDocx(randomBytes(4096), DEFAULT_LIMITS)).rejects.toMatchObject({
      code: 'format_mismatch',
    });
    const word = await wordFile(FIXTURES.en);
    await expect(
      extractDocx(word.subarray(0, word.length - 100), DEFAULT_LIMITS),
    ).rejects.toMatchObject({
      code: 'corrupt_file',
    });
    await expect(
      extractDocx(word.subarray(0, word.length >> 1), DEFAULT_LIMITS),
    ).rejects.toMatchObject({
      code: 'corrupt_file',
    });
    const workbook = storedZip({
      '[Content_Types].xml': '<Types/>',
      'xl/workbook.xml': '<workbook/>',
    });
    await expect(extractDocx(workbook, DEFAULT_LIMITS)).rejects.toMatchObject({
      code: 'format_mismatch',
      message: 'a zip file, but not a Word document (it looks like an Excel workbook)',
    });
    await expect(extractDocx(Buffer.alloc(0), DEFAULT_LIMITS)).rejects.toMatchObject({
      code: 'empty_file',
    });
  });

  it('says a legacy .doc is not a .docx', async () => {
    const doc = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), randomBytes(512)]);
    await expect(extractDocx(doc, DEFAULT_LIMITS)).rejects.toThrow(/Word 97–2003/u);
  });

  it('refuses a document.xml with a DOCTYPE or ENTITY before mammoth reads it', async () => {
    const xxe =
      '<?xml version="1.0"?>\n<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<w:document><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>';
    const file = storedZip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': xxe });
    await expect(extractDocx(file, DEFAULT_LIMITS)).rejects.toMatchObject({
      code: 'forbidden_xml',
      message: 'a DOCTYPE declaration is not allowed (word/document.xml, line 2)',
    });
  });

  it('takes the title from the core properties when there is no heading', async () => {
    const doc = new Document({
      title: 'Core title',
      sections: [{ children: [new Paragraph('Only a paragraph.')] }],
    });
    const result = await extractDocx(await Packer.toBuffer(doc), DEFAULT_LIMITS);
    expect(result.metadata).toEqual({ title: 'Core title' });
    expect(result.blocks).toEqual([{ kind: 'paragraph', text: 'Only a paragraph.' }]);
  });

  it('refuses input over the size limit', async () => {
    const word = await wordFile(FIXTURES.en);
    await expect(
      extractDocx(word, { ...DEFAULT_LIMITS, maxInputBytes: 1000 }),
    ).rejects.toMatchObject({
      code: 'too_large',
    });
  });
});

describe('formatWordNumber', () => {
  it('writes Word number formats', () => {
    expect(formatWordNumber(3, 'decimal')).toBe('3');
    expect(formatWordNumber(28, 'lowerLetter')).toBe('bb');
    expect(formatWordNumber(14, 'upperRoman')).toBe('XIV');
    expect(formatWordNumber(3, 'russianLower')).toBe('в');
    expect(formatWordNumber(3, 'arabicAbjad')).toBe('ج');
    expect(formatWordNumber(12, 'hindiNumbers')).toBe('١٢');
    expect(formatWordNumber(21, 'chineseCounting')).toBe('二十一');
    expect(formatWordNumber(7, 'decimalZero')).toBe('07');
  });
});
