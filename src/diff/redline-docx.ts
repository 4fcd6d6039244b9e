/**
 * @module A comparison as a Word document with real tracked changes, so a translator or an editor
 * can accept or reject each one in Word or LibreOffice: word insertions and deletions as `w:ins`
 * and `w:del` runs, inserted and deleted paragraphs wholly so (their paragraph marks too, so that
 * rejecting an insertion leaves no empty paragraph behind). Each revision has its own id and the
 * given author and date.
 */
import {
  DeletedTextRun,
  Document,
  HeadingLevel,
  InsertedTextRun,
  Packer,
  Paragraph,
  TextRun,
  type IParagraphOptions,
  type IRunOptions,
  type ParagraphChild,
} from 'docx';
import type { AlignLang } from '../domain/alignment.js';
import { withMoveOrigins, type RedlineEntry } from './compare-segments.js';
import { isRightToLeft, type RedlineInput } from './redline-html.js';

export interface RedlineDocxInput extends RedlineInput {
  /** Who the revisions are attributed to. */
  readonly author: string;
  /** When they were made, ISO 8601. */
  readonly date: string;
}

/** Word's language tags for the six languages (UN English is British). */
const WORD_LANGUAGE: Record<Exclude<AlignLang, 'und'>, string> = {
  ar: 'ar-SA',
  zh: 'zh-CN',
  en: 'en-GB',
  fr: 'fr-FR',
  ru: 'ru-RU',
  es: 'es-ES',
};

/** The run formatting a language needs: direction and script for Arabic, East Asian font hint for Chinese. */
function runStyle(lang: AlignLang): IRunOptions {
  if (lang === 'und') return {};
  const tag = WORD_LANGUAGE[lang];
  if (lang === 'ar') return { rightToLeft: true, language: { bidirectional: tag } };
  if (lang === 'zh')
    return { font: { eastAsia: 'SimSun', hint: 'eastAsia' }, language: { eastAsia: tag } };
  return { language: { value: tag } };
}

/** A right-to-left paragraph for Arabic; nothing (Word's default) otherwise. */
function direction(lang: AlignLang): Pick<IParagraphOptions, 'bidirectional'> {
  return isRightToLeft(lang) ? { bidirectional: true } : {};
}

/** The redline of a comparison as the bytes of a .docx file. */
export async function redlineDocx(input: RedlineDocxInput): Promise<Buffer> {
  let nextId = 1;
  // Every revision in a document needs its own id.
  const revision = () => ({ id: nextId++, author: input.author, date: input.date });

  const paragraph = (lang: AlignLang, children: ParagraphChild[], mark?: 'insert' | 'delete') => {
    const options: IParagraphOptions = {
      children,
      ...direction(lang),
      ...(mark === undefined
        ? {}
        : { run: mark === 'insert' ? { insertion: revision() } : { deletion: revision() } }),
    };
    return new Paragraph(options);
  };
  const plain = (text: string, lang: AlignLang) => new TextRun({ text, ...runStyle(lang) });
  const inserted = (text: string, lang: AlignLang) =>
    new InsertedTextRun({ text, ...runStyle(lang), ...revision() });
  const deleted = (text: string, lang: AlignLang) =>
    new DeletedTextRun({ text, ...runStyle(lang), ...revision() });

  const body = withMoveOrigins(input.changes).map((entry: RedlineEntry) => {
    const { change } = entry;
    const olderText = change.a === null ? '' : (input.older.segments[change.a]?.text ?? '');
    const newerText = change.b === null ? '' : (input.newer.segments[change.b]?.text ?? '');
    const olderLang = input.older.lang;
    const newerLang = input.newer.lang;
    // Word's own move markup (w:moveFrom / w:moveTo with named move ranges) is not something the
    // docx package writes; a move is a deletion at the old place and an insertion at the new one,
    // which accepts and rejects the same way. A moved paragraph that also changed is inserted as
    // it now reads, so rejecting everything cannot leave two copies of it.
    if (entry.at === 'old') return paragraph(olderLang, [deleted(olderText, olderLang)], 'delete');
    switch (change.kind) {
      case 'equal':
        return paragraph(newerLang, [plain(newerText, newerLang)]);
      case 'inserted':
      case 'moved':
        return paragraph(newerLang, [inserted(newerText, newerLang)], 'insert');
      case 'deleted':
        return paragraph(olderLang, [deleted(olderText, olderLang)], 'delete');
      case 'changed':
        return paragraph(
          newerLang,
          (change.words ?? [{ op: 'equal' as const, text: newerText }]).map((w) =>
            w.op === 'equal'
              ? plain(w.text, newerLang)
              : w.op === 'insert'
                ? inserted(w.text, newerLang)
                : deleted(w.text, olderLang),
          ),
        );
    }
  });

  const document = new Document({
    creator: input.author,
    title: input.title,
    description: `${input.older.label} → ${input.newer.label}`,
    // Edits made to the redline itself are tracked too.
    features: { trackRevisions: true },
    sections: [
      {
        children: [
          new Paragraph({
            heading: HeadingLevel.TITLE,
            ...direction(input.newer.lang),
            children: [plain(input.title, input.newer.lang)],
          }),
          new Paragraph({
            children: [
              new TextRun({ text: 'Older: ' }),
              plain(input.older.label, input.older.lang),
              new TextRun({ text: ' → Newer: ' }),
              plain(input.newer.label, input.newer.lang),
            ],
          }),
          ...body,
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
