import { describe, expect, it } from 'vitest';
import { conceptSchema, type Concept, type ConceptInput } from '../../domain/glossary.js';
import { isPillarsError } from '../../domain/errors.js';
import { parseXml, elementsOf, textContent } from '../../ingest/formats/xml-guard-parse.js';
import { readTbx } from './tbx-read.js';
import { tbxEntryId, writeTbx } from './tbx-write.js';

const concept = (input: ConceptInput): Concept => conceptSchema.parse(input);

const protocol = concept({
  id: 'additional-protocol',
  domain: 'safeguards',
  broader: ['safeguards-agreement'],
  related: ['2010-action-plan'],
  note: 'Model text: INFCIRC/540 & <corrected>',
  languages: {
    fr: { terms: [{ text: 'protocole additionnel', status: 'preferred' }] },
    en: {
      definition: {
        text: 'A protocol to a safeguards agreement giving the "IAEA" wider access.',
        origin: 'ours',
      },
      terms: [
        { text: 'Additional Protocol', status: 'preferred' },
        { text: 'AP', status: 'admitted', type: 'abbreviation', note: 'in tables only' },
        { text: 'Protocol 540', status: 'deprecated' },
      ],
    },
    ar: { terms: [{ text: 'البروتوكول الإضافي', status: 'preferred' }] },
    zh: {
      definition: { text: '保障监督协定的附加议定书。', origin: 'imported', source: 'IAEA 术语' },
      terms: [{ text: '附加议定书', status: 'preferred' }],
    },
  },
});
const actionPlan = concept({
  id: '2010-action-plan',
  domain: 'treaties',
  languages: {
    en: { terms: [{ text: '2010 Action Plan', status: 'preferred', partOfSpeech: 'properNoun' }] },
  },
});
const agreement = concept({
  id: 'safeguards-agreement',
  domain: 'safeguards',
  languages: { ru: { terms: [{ text: 'соглашение о гарантиях', status: 'preferred' }] } },
});

describe('writeTbx', () => {
  it('writes TBX-Basic in the DCA style with the 2019 namespace', () => {
    const tbx = writeTbx([protocol]);
    expect(tbx.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
    expect(tbx).toContain(
      '<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">',
    );
    const root = parseXml(tbx);
    const [header, text] = elementsOf(root);
    expect(header?.name).toBe('tbxHeader');
    expect(textContent(header!).trim()).toContain('Pillars glossary');
    const entry = elementsOf(elementsOf(text!)[0]!)[0]!;
    expect(entry.name).toBe('conceptEntry');
    expect(entry.attrs.id).toBe('additional-protocol');
    expect(
      elementsOf(entry).map((el) => `${el.name}:${el.attrs.type ?? el.attrs['xml:lang'] ?? ''}`),
    ).toEqual([
      'descrip:subjectField',
      'note:',
      'ref:crossReference',
      'ref:crossReference',
      'langSec:ar',
      'langSec:zh-Hans',
      'langSec:en',
      'langSec:fr',
    ]);
  });

  it('writes statuses, term types, parts of speech, notes, definitions and links as mapped', () => {
    const tbx = writeTbx([protocol]);
    expect(tbx).toContain('<ref type="crossReference" target="safeguards-agreement">broader</ref>');
    expect(tbx).toContain('<ref type="crossReference" target="_2010-action-plan">related</ref>');
    expect(tbx).toContain(
      [
        '          <termSec>',
        '            <term>AP</term>',
        '            <termNote type="administrativeStatus">admittedTerm-admn-sts</termNote>',
        '            <termNote type="termType">abbreviation</termNote>',
        '            <termNote type="partOfSpeech">noun</termNote>',
        '            <note>in tables only</note>',
        '          </termSec>',
      ].join('\n'),
    );
    expect(tbx).toContain('deprecatedTerm-admn-sts');
    expect(tbx).toContain(
      [
        '          <descripGrp>',
        '            <descrip type="definition">保障监督协定的附加议定书。</descrip>',
        '            <admin type="source">IAEA 术语</admin>',
        '          </descripGrp>',
      ].join('\n'),
    );
    expect(tbx).toContain('<transacNote type="responsibility">Pillars editors</transacNote>');
    expect(tbx).toContain('<note>Model text: INFCIRC/540 &amp; &lt;corrected&gt;</note>');
  });

  it('is deterministic: sorted by id, the same text whatever the input order, no dates', () => {
    const a = writeTbx([protocol, actionPlan, agreement]);
    const b = writeTbx([agreement, protocol, actionPlan]);
    expect(a).toBe(b);
    const ids = [...a.matchAll(/<conceptEntry id="([^"]+)"/gu)].map((m) => m[1]);
    expect(ids).toEqual(['_2010-action-plan', 'additional-protocol', 'safeguards-agreement']);
    expect(a).not.toMatch(/\d{4}-\d{2}-\d{2}T|<date>/u);
    expect(writeTbx([], { title: 'Empty', sourceDesc: 'none' })).toContain('<title>Empty</title>');
  });

  it('writes ids that start with a digit as NCNames and reads them back', () => {
    expect(tbxEntryId('2010-action-plan')).toBe('_2010-action-plan');
    expect(tbxEntryId('npt')).toBe('npt');
    const read = readTbx(writeTbx([actionPlan, protocol]));
    expect(read.concepts.map((c) => c.id)).toEqual(['2010-action-plan', 'additional-protocol']);
    expect(read.concepts[1]!.related).toEqual(['2010-action-plan']);
  });

  it('round-trips, and exporting what was read gives the same text', () => {
    const tbx = writeTbx([protocol, actionPlan, agreement]);
    const read = readTbx(tbx);
    expect(read.entries.map((e) => [e.outcome, e.warnings])).toEqual([
      ['accepted', []],
      ['accepted', []],
      ['accepted', []],
    ]);
    expect(read.concepts).toEqual([actionPlan, protocol, agreement]);
    expect(writeTbx(read.concepts)).toBe(tbx);
  });

  it('refuses two concepts with one id', () => {
    expect(() => writeTbx([agreement, agreement])).toThrow(/occurs twice/u);
    try {
      writeTbx([agreement, agreement]);
    } catch (error) {
      expect(isPillarsError(error) && error.code).toBe('invalid_data');
    }
  });
});
