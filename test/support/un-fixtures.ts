/**
 * A small UN-style working paper in each of the six languages (our own prose), and renderers
 * that write it as plain text, HTML, .docx (docx library) and, through Chromium, PDF. Tests ingest
 * what these produce and compare the segments with the source structure.
 */
import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import type { Lang } from '../../src/domain/language-codes.js';

export interface FixtureParagraph {
  readonly num: string;
  readonly text: string;
  readonly subparagraphs?: readonly { readonly letter: string; readonly text: string }[];
}

export interface UnFixture {
  readonly lang: Lang;
  readonly symbol: string;
  readonly session: string;
  readonly dateline: string;
  readonly original: string;
  readonly title: string;
  readonly paragraphs: readonly FixtureParagraph[];
}

const SYMBOL = 'NPT/CONF.2015/PC.II/WP.99';

export const FIXTURES: Record<Lang, UnFixture> = {
  en: {
    lang: 'en',
    symbol: SYMBOL,
    session: 'Second session',
    dateline: 'Geneva, 22 April–3 May 2013',
    original: 'Original: English',
    title: 'Strengthening safeguards through the additional protocol',
    paragraphs: [
      {
        num: '1',
        text: 'The States parties recall that comprehensive safeguards agreements are required of every non-nuclear-weapon State party under article III of the Treaty.',
      },
      {
        num: '2',
        text: 'The States parties encourage all States that have not yet done so to:',
        subparagraphs: [
          { letter: 'a', text: 'bring an additional protocol into force as soon as possible;' },
          { letter: 'b', text: 'apply it provisionally pending its entry into force.' },
        ],
      },
      {
        num: '3',
        text: 'The Agency should continue to assist States in building the national capacity needed to implement safeguards effectively.',
      },
    ],
  },
  fr: {
    lang: 'fr',
    symbol: SYMBOL,
    session: 'Deuxième session',
    dateline: 'Genève, 22 avril-3 mai 2013',
    original: 'Original : anglais',
    title: 'Renforcer les garanties grâce au protocole additionnel',
    paragraphs: [
      {
        num: '1',
        text: "Les États parties rappellent que chaque État non doté d'armes nucléaires partie au Traité est tenu de conclure un accord de garanties généralisées au titre de l'article III.",
      },
      {
        num: '2',
        text: "Les États parties encouragent tous les États qui ne l'ont pas encore fait à :",
        subparagraphs: [
          { letter: 'a', text: 'mettre en vigueur un protocole additionnel dès que possible ;' },
          {
            letter: 'b',
            text: "l'appliquer à titre provisoire en attendant son entrée en vigueur.",
          },
        ],
      },
      {
        num: '3',
        text: "L'Agence devrait continuer d'aider les États à renforcer les capacités nationales nécessaires à l'application efficace des garanties.",
      },
    ],
  },
  es: {
    lang: 'es',
    symbol: SYMBOL,
    session: 'Segundo período de sesiones',
    dateline: 'Ginebra, 22 de abril a 3 de mayo de 2013',
    original: 'Original: inglés',
    title: 'Fortalecimiento de las salvaguardias mediante el protocolo adicional',
    paragraphs: [
      {
        num: '1',
        text: 'Los Estados partes recuerdan que todo Estado parte no poseedor de armas nucleares debe concertar un acuerdo de salvaguardias amplias en virtud del artículo III del Tratado.',
      },
      {
        num: '2',
        text: 'Los Estados partes alientan a todos los Estados que aún no lo hayan hecho a:',
        subparagraphs: [
          { letter: 'a', text: 'poner en vigor un protocolo adicional lo antes posible;' },
          { letter: 'b', text: 'aplicarlo provisionalmente hasta su entrada en vigor.' },
        ],
      },
      {
        num: '3',
        text: 'El Organismo debería seguir ayudando a los Estados a crear la capacidad nacional necesaria para aplicar eficazmente las salvaguardias.',
      },
    ],
  },
  ru: {
    lang: 'ru',
    symbol: SYMBOL,
    session: 'Вторая сессия',
    dateline: 'Женева, 22 апреля — 3 мая 2013 года',
    original: 'Подлинный текст: английский',
    title: 'Укрепление гарантий посредством дополнительного протокола',
    paragraphs: [
      {
        num: '1',
        text: 'Государства-участники напоминают, что каждое государство, не обладающее ядерным оружием, обязано заключить соглашение о всеобъемлющих гарантиях согласно статье III Договора.',
      },
      {
        num: '2',
        text: 'Государства-участники призывают все государства, которые еще не сделали этого:',
        subparagraphs: [
          { letter: 'а', text: 'как можно скорее ввести в действие дополнительный протокол;' },
          { letter: 'б', text: 'применять его на временной основе до вступления в силу.' },
        ],
      },
      {
        num: '3',
        text: 'Агентству следует и впредь помогать государствам в создании национального потенциала, необходимого для эффективного применения гарантий.',
      },
    ],
  },
  zh: {
    lang: 'zh',
    symbol: SYMBOL,
    session: '第二届会议',
    dateline: '2013 年 4 月 22 日至 5 月 3 日，日内瓦',
    original: '原文：英文',
    title: '通过附加议定书加强保障监督',
    paragraphs: [
      {
        num: '1',
        text: '各缔约国回顾，根据《条约》第三条，每个无核武器缔约国都必须缔结全面保障监督协定。',
      },
      {
        num: '2',
        text: '各缔约国鼓励尚未这样做的所有国家：',
        subparagraphs: [
          { letter: 'a', text: '尽快使附加议定书生效；' },
          { letter: 'b', text: '在其生效之前暂时适用该议定书。' },
        ],
      },
      { num: '3', text: '原子能机构应继续协助各国建设有效实施保障监督所需的国家能力。' },
    ],
  },
  ar: {
    lang: 'ar',
    symbol: SYMBOL,
    session: 'الدورة الثانية',
    dateline: 'جنيف، 22 نيسان/أبريل - 3 أيار/مايو 2013',
    original: 'الأصل: بالإنكليزية',
    title: 'تعزيز الضمانات من خلال البروتوكول الإضافي',
    paragraphs: [
      {
        num: '1',
        text: 'تشير الدول الأطراف إلى أن كل دولة طرف غير حائزة للأسلحة النووية ملزمة بإبرام اتفاق ضمانات شاملة بموجب المادة الثالثة من المعاهدة.',
      },
      {
        num: '2',
        text: 'تشجع الدول الأطراف جميع الدول التي لم تفعل ذلك بعد على ما يلي:',
        subparagraphs: [
          { letter: 'أ', text: 'إنفاذ بروتوكول إضافي في أقرب وقت ممكن؛' },
          { letter: 'ب', text: 'تطبيقه مؤقتا ريثما يبدأ نفاذه.' },
        ],
      },
      {
        num: '3',
        text: 'ينبغي للوكالة أن تواصل مساعدة الدول على بناء القدرات الوطنية اللازمة لتطبيق الضمانات بفعالية.',
      },
    ],
  },
};

/** The segments a correct ingest produces from a fixture, in order. */
export function expectedSegments(
  fixture: UnFixture,
): { eId: string; kind: string; num: string | null; text: string }[] {
  const latin = 'abcdefghijklmnopqrstuvwxyz';
  const letters: Record<string, string> = { а: 'a', б: 'b', أ: 'a', ب: 'b' };
  return [
    { eId: 'title', kind: 'title', num: null, text: fixture.title },
    ...fixture.paragraphs.flatMap((p) => [
      { eId: `para_${p.num}`, kind: 'paragraph', num: p.num, text: p.text },
      ...(p.subparagraphs ?? []).map((s) => ({
        eId: `para_${p.num}__subpara_${letters[s.letter] ?? (latin.includes(s.letter) ? s.letter : s.letter)}`,
        kind: 'subparagraph',
        num: `(${s.letter})`,
        text: s.text,
      })),
    ]),
  ];
}

function numbered(fixture: UnFixture, p: FixtureParagraph): string {
  return fixture.lang === 'ar'
    ? `${p.num} - ${p.text}`
    : `${p.num}.${fixture.lang === 'zh' ? ' ' : '\t'}${p.text}`.replace('\t', ' ');
}

function masthead(fixture: UnFixture): string[] {
  return [fixture.symbol, 'Distr.: General', fixture.original, fixture.session, fixture.dateline];
}

export function toText(fixture: UnFixture): string {
  const lines = [...masthead(fixture), '', fixture.title, ''];
  for (const p of fixture.paragraphs) {
    lines.push(numbered(fixture, p));
    for (const s of p.subparagraphs ?? []) lines.push(`(${s.letter}) ${s.text}`);
    lines.push('');
  }
  return lines.join('\n');
}

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function toHtml(fixture: UnFixture): string {
  const dir = fixture.lang === 'ar' ? 'rtl' : 'ltr';
  const lang = fixture.lang === 'zh' ? 'zh-Hans' : fixture.lang;
  const font =
    fixture.lang === 'zh'
      ? "'Noto Sans CJK SC'"
      : fixture.lang === 'ar'
        ? "'Noto Naskh Arabic'"
        : "'Noto Sans'";
  const body = [
    ...masthead(fixture).map((line) => `<p>${escape(line)}</p>`),
    `<h1>${escape(fixture.title)}</h1>`,
    ...fixture.paragraphs.flatMap((p) => [
      `<p>${escape(numbered(fixture, p))}</p>`,
      ...(p.subparagraphs ?? []).map((s) => `<p>(${escape(s.letter)}) ${escape(s.text)}</p>`),
    ]),
  ];
  return `<!doctype html><html lang="${lang}" dir="${dir}"><head><meta charset="utf-8"><title>${escape(fixture.title)}</title><style>body{font-family:${font};font-size:12pt}</style></head><body>${body.join('\n')}</body></html>`;
}

export async function toDocx(fixture: UnFixture): Promise<Buffer> {
  const rtl = fixture.lang === 'ar';
  const para = (text: string, bold = false) =>
    new Paragraph({
      bidirectional: rtl,
      alignment: rtl ? AlignmentType.RIGHT : AlignmentType.LEFT,
      children: [new TextRun({ text, bold, rightToLeft: rtl })],
    });
  const doc = new Document({
    sections: [
      {
        children: [
          ...masthead(fixture).map((line) => para(line)),
          new Paragraph({
            heading: 'Heading1',
            bidirectional: rtl,
            children: [new TextRun({ text: fixture.title, rightToLeft: rtl })],
          }),
          ...fixture.paragraphs.flatMap((p) => [
            para(numbered(fixture, p)),
            ...(p.subparagraphs ?? []).map((s) => para(`(${s.letter}) ${s.text}`)),
          ]),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
