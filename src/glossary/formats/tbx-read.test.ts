import { describe, expect, it } from 'vitest';
import { isPillarsError, type PillarsError } from '../../domain/errors.js';
import { readTbx } from './tbx-read.js';

const HEAD =
  '<?xml version="1.0" encoding="UTF-8"?>\n' +
  '<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">\n' +
  '  <tbxHeader><fileDesc><sourceDesc><p>test</p></sourceDesc></fileDesc></tbxHeader>\n' +
  '  <text>\n' +
  '    <body>\n';
const TAIL = '    </body>\n  </text>\n</tbx>\n';
const tbxOf = (body: string): string => HEAD + body + TAIL;

function entry(id: string, langSecs: string, extra = ''): string {
  return (
    `      <conceptEntry id="${id}">\n` +
    '        <descrip type="subjectField">safeguards</descrip>\n' +
    extra +
    langSecs +
    '      </conceptEntry>\n'
  );
}
function langSec(lang: string, term: string, status = 'preferredTerm-admn-sts'): string {
  return (
    `        <langSec xml:lang="${lang}">\n` +
    `          <termSec><term>${term}</term><termNote type="administrativeStatus">${status}</termNote></termSec>\n` +
    '        </langSec>\n'
  );
}

function thrown(run: () => unknown): PillarsError {
  try {
    run();
  } catch (error) {
    if (isPillarsError(error)) return error;
    throw new Error(`not a PillarsError: ${String(error)}`);
  }
  throw new Error('nothing was thrown');
}

describe('readTbx: files it refuses', () => {
  it('names the line and column of a tag that is never closed', () => {
    const text = tbxOf(entry('a', langSec('en', 'safeguards'))).replace(
      '<term>safeguards</term>',
      '<term>safeguards</termX>',
    );
    const error = thrown(() => readTbx(text));
    expect(error.code).toBe('invalid_data');
    expect(error.message).toMatch(
      /^TBX file line 9, column 36: Expected closing tag 'term' \(opened in line 9, col 20\) instead of closing tag 'termX'$/u,
    );
  });

  it('names where a truncated file leaves an element open', () => {
    const full = tbxOf(entry('a', langSec('en', 'safeguards')));
    const error = thrown(() => readTbx(full.slice(0, full.indexOf('</termSec>'))));
    expect(error.message).toMatch(/^TBX file line 9, column 11: <termSec> is never closed/u);
  });

  it('refuses a DOCTYPE with an external entity before any parser sees it', () => {
    const text =
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
      '<!DOCTYPE tbx [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n' +
      '<tbx type="TBX-Basic" style="dca" xmlns="urn:iso:std:iso:30042:ed-2"><text><body>\n' +
      '<conceptEntry id="a"><descrip type="subjectField">safeguards</descrip>\n' +
      '<langSec xml:lang="en"><termSec><term>&xxe;</term></termSec></langSec></conceptEntry>\n' +
      '</body></text></tbx>\n';
    const error = thrown(() => readTbx(text));
    expect(error.code).toBe('invalid_data');
    expect(error.message).toMatch(/^TBX file line 2: a DOCTYPE declaration is not allowed/u);
    expect(error.message).not.toMatch(/root:/u);
  });

  it('refuses an undefined entity (an XXE payload without its DOCTYPE), with its line', () => {
    const text = tbxOf(entry('a', langSec('en', 'safe&nbsp;guards')));
    expect(thrown(() => readTbx(text)).message).toMatch(
      /^TBX file line 9: undefined entity "&nbsp;"/u,
    );
  });

  it('refuses a file over the size limit before parsing it', () => {
    const text = tbxOf(entry('a', langSec('en', 'x'.repeat(2000))));
    const error = thrown(() => readTbx(text, { maxBytes: 1000 }));
    expect(error.message).toMatch(/^TBX file: \d+ bytes is more than the limit of 1000$/u);
    expect(readTbx(text).concepts).toHaveLength(0); // 2000 characters is too long a term, but readable
  });

  it('refuses what is not TBX, and an empty file', () => {
    expect(thrown(() => readTbx('<tmx version="1.4"><body/></tmx>')).message).toMatch(
      /root element is <tmx>/u,
    );
    expect(thrown(() => readTbx('  \n')).message).toMatch(/empty/u);
    expect(thrown(() => readTbx('<tbx><tbxHeader/></tbx>')).message).toMatch(/<text><body>/u);
  });
});

describe('readTbx: entries it rejects', () => {
  it('rejects every entry of a duplicated concept id, naming both lines', () => {
    const text = tbxOf(
      entry('npt', langSec('en', 'NPT')) +
        entry('iaea', langSec('en', 'IAEA')) +
        entry('npt', langSec('fr', 'TNP')),
    );
    const { concepts, entries } = readTbx(text);
    expect(concepts.map((c) => c.id)).toEqual(['iaea']);
    expect(entries.map((e) => [e.conceptId, e.line, e.outcome])).toEqual([
      ['npt', 6, 'rejected'],
      ['iaea', 12, 'accepted'],
      ['npt', 18, 'rejected'],
    ]);
    expect(entries[0]!.reason).toBe(
      'field id: duplicate concept id "npt" (entries at lines 6 and 18)',
    );
    expect(entries[2]!.reason).toBe(entries[0]!.reason);
  });

  it('rejects a language that is not one of the six, or skips it when asked', () => {
    const text = tbxOf(
      entry('npt', langSec('en', 'NPT') + langSec('de', 'Atomwaffensperrvertrag')),
    );
    const strict = readTbx(text);
    expect(strict.concepts).toEqual([]);
    expect(strict.entries[0]!.reason).toBe(
      'field xml:lang (line 11): unknown language "de" (Pillars keeps ar, zh, en, fr, ru, es)',
    );
    const lenient = readTbx(text, { skipOtherLanguages: true });
    expect(lenient.concepts[0]!.languages).toEqual({
      en: { terms: [{ text: 'NPT', status: 'preferred', type: 'fullForm', partOfSpeech: 'noun' }] },
    });
    expect(lenient.entries[0]!.warnings).toEqual([
      'skipped the language section in "de" (line 11)',
    ]);
  });

  it('rejects a bad status, a language without a preferred term, a link to itself', () => {
    const text = tbxOf(
      entry('a', langSec('en', 'alpha', 'bestTerm')) +
        entry('b', langSec('en', 'beta', 'admittedTerm-admn-sts')) +
        entry(
          'c',
          langSec('en', 'gamma'),
          '        <ref type="crossReference" target="c">broader</ref>\n',
        ),
    );
    const { concepts, entries } = readTbx(text);
    expect(concepts).toEqual([]);
    expect(entries.map((e) => e.reason)).toEqual([
      'en term "alpha" (line 9), field administrativeStatus: unknown status "bestTerm"',
      'en (line 14), field terms: no preferred term in en',
      'field broader: a concept cannot link to itself',
    ]);
  });

  it('rejects an entry without a known subject field, naming it', () => {
    const text = tbxOf(
      entry('a', langSec('en', 'alpha')).replace('safeguards</descrip>', 'Fisheries</descrip>') +
        entry('b', langSec('en', 'beta')).replace(
          '        <descrip type="subjectField">safeguards</descrip>\n',
          '',
        ),
    );
    const { entries } = readTbx(text);
    expect(entries[0]!.reason).toMatch(
      /^field subjectField \(line 7\): unknown domain "Fisheries" \(expected one of disarmament, /u,
    );
    expect(entries[1]!.reason).toBe(
      'field subjectField: the entry has no subjectField (the concept domain)',
    );
  });

  it('rejects an empty term, naming the language, term and line', () => {
    const { entries } = readTbx(tbxOf(entry('a', langSec('en', 'alpha') + langSec('fr', '  '))));
    expect(entries[0]!.reason).toMatch(/^fr term 1 \(line 12\), field text: /u);
  });
});

describe('readTbx: files other tools write', () => {
  // As a CAT tool or term base writes it: xml-model instructions, header and transaction
  // data, regional language tags, no statuses, no term types, ids that are not slugs.
  const foreign = `<?xml version="1.0" encoding="UTF-8"?>
<?xml-model href="https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/TBXcoreStructV03_TBX-Basic_integrated.rng" type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en-US" xmlns="urn:iso:std:iso:30042:ed-2">
  <tbxHeader>
    <fileDesc>
      <publicationStmt><p>Term base export</p></publicationStmt>
      <sourceDesc><p>MultiTerm</p></sourceDesc>
    </fileDesc>
    <encodingDesc><p type="XCSURI">TBXXCSV02.xcs</p></encodingDesc>
  </tbxHeader>
  <text>
    <body>
      <conceptEntry id="123">
        <descrip type="subjectField">Non-proliferation</descrip>
        <transacGrp>
          <transac type="transactionType">origination</transac>
          <date>2019-05-02</date>
          <transacNote type="responsibility">jdoe</transacNote>
        </transacGrp>
        <admin type="customerSubset">UNODA</admin>
        <ref type="crossReference" target="C-77">see also</ref>
        <langSec xml:lang="en-US">
          <descrip type="definition">The spread of nuclear weapons &amp; technology.</descrip>
          <termSec>
            <term>nuclear proliferation</term>
            <descrip type="context">Concerns about nuclear proliferation grew.</descrip>
          </termSec>
          <termSec>
            <term>proliferation</term>
            <termNote type="termType">shortForm</termNote>
            <transacGrp><transac type="transactionType">modification</transac></transacGrp>
          </termSec>
        </langSec>
        <langSec xml:lang="zh-CN">
          <termSec>
            <term>核扩散</term>
            <termNote type="partOfSpeech">noun</termNote>
          </termSec>
        </langSec>
      </conceptEntry>
      <conceptEntry id="C-77">
        <descrip type="subjectField">safeguards</descrip>
        <langSec xml:lang="fr-CA">
          <termSec>
            <term>garanties</term>
            <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
            <termNote type="termType">phrase</termNote>
          </termSec>
          <termSec>
            <term>contrôles</term>
            <termNote type="administrativeStatus">supersededTerm-admn-sts</termNote>
          </termSec>
        </langSec>
      </conceptEntry>
    </body>
  </text>
</tbx>
`;

  it('reads them with defaults, derived ids and warnings', () => {
    const { concepts, entries, warnings } = readTbx(foreign);
    expect(warnings).toEqual([]);
    expect(entries.map((e) => [e.conceptId, e.line, e.outcome])).toEqual([
      ['c123', 13, 'accepted'],
      ['c-77', 41, 'accepted'],
    ]);
    expect(concepts[0]).toEqual({
      id: 'c123',
      domain: 'non-proliferation',
      broader: [],
      related: ['c-77'],
      languages: {
        en: {
          definition: { text: 'The spread of nuclear weapons & technology.', origin: 'imported' },
          terms: [
            {
              text: 'nuclear proliferation',
              status: 'preferred',
              type: 'fullForm',
              partOfSpeech: 'noun',
            },
            { text: 'proliferation', status: 'admitted', type: 'shortForm', partOfSpeech: 'noun' },
          ],
        },
        zh: {
          terms: [{ text: '核扩散', status: 'preferred', type: 'fullForm', partOfSpeech: 'noun' }],
        },
      },
    });
    expect(entries[0]!.warnings).toEqual([
      'the id "123" is not a Pillars slug; read as "c123"',
      'en (line 22): 2 terms without administrativeStatus, read as "nuclear proliferation" preferred, the others admitted',
      'zh (line 34): 1 term without administrativeStatus, read as "核扩散" preferred',
      'ignored <transacGrp> at line 15 and 1 more',
      'ignored <admin type="customerSubset"> at line 20',
      'ignored <descrip type="context"> at line 26',
    ]);
    expect(concepts[1]!.languages.fr!.terms).toEqual([
      { text: 'garanties', status: 'preferred', type: 'fullForm', partOfSpeech: 'noun' },
      { text: 'contrôles', status: 'deprecated', type: 'fullForm', partOfSpeech: 'noun' },
    ]);
    expect(entries[1]!.warnings).toEqual([
      'the id "C-77" is not a Pillars slug; read as "c-77"',
      'fr term "garanties" (line 47): termType "phrase" is not one Pillars keeps; read as fullForm',
      'fr term "contrôles": supersededTerm read as deprecated',
    ]);
  });

  it('reads TBX 2008 (martif, termEntry, langSet, tig and ntig)', () => {
    const martif = `<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX-Basic" xml:lang="en">
  <martifHeader><fileDesc><sourceDesc><p>old</p></sourceDesc></fileDesc></martifHeader>
  <text>
    <body>
      <termEntry id="ctbt">
        <descrip type="subjectField">test-ban</descrip>
        <descrip type="definition">A treaty banning nuclear explosions.</descrip>
        <langSet xml:lang="en">
          <tig>
            <term>Comprehensive Nuclear-Test-Ban Treaty</term>
            <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
          </tig>
          <ntig>
            <termGrp>
              <term>CTBT</term>
              <termNote type="termType">acronym</termNote>
              <termNote type="administrativeStatus">admittedTerm-admn-sts</termNote>
            </termGrp>
          </ntig>
        </langSet>
        <langSet xml:lang="ru">
          <tig><term>ДВЗЯИ</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
        </langSet>
      </termEntry>
    </body>
  </text>
</martif>
`;
    const { concepts, entries } = readTbx(martif);
    expect(entries[0]!.outcome).toBe('accepted');
    expect(concepts[0]!.languages.en).toEqual({
      definition: { text: 'A treaty banning nuclear explosions.', origin: 'imported' },
      terms: [
        {
          text: 'Comprehensive Nuclear-Test-Ban Treaty',
          status: 'preferred',
          type: 'fullForm',
          partOfSpeech: 'noun',
        },
        { text: 'CTBT', status: 'admitted', type: 'acronym', partOfSpeech: 'noun' },
      ],
    });
    expect(entries[0]!.warnings).toEqual([
      'the concept-level definition (line 8) is read as the en definition',
    ]);
  });

  it('reads the DCT style', () => {
    const dct = `<?xml version="1.0"?>
<tbx type="TBX-Basic" style="dct" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2"
     xmlns:min="http://www.tbxinfo.net/ns/min" xmlns:basic="http://www.tbxinfo.net/ns/basic">
  <text><body>
    <conceptEntry id="iaea">
      <min:subjectField>institutions</min:subjectField>
      <basic:crossReference target="npt">related</basic:crossReference>
      <langSec xml:lang="es">
        <descripGrp><basic:definition>El organismo.</basic:definition><basic:source>OIEA</basic:source></descripGrp>
        <termSec>
          <term>OIEA</term>
          <min:administrativeStatus>preferredTerm-admn-sts</min:administrativeStatus>
          <basic:termType>acronym</basic:termType>
          <min:partOfSpeech>properNoun</min:partOfSpeech>
        </termSec>
      </langSec>
    </conceptEntry>
  </body></text>
</tbx>`;
    const { concepts } = readTbx(dct);
    expect(concepts[0]).toEqual({
      id: 'iaea',
      domain: 'institutions',
      broader: [],
      related: ['npt'],
      languages: {
        es: {
          definition: { text: 'El organismo.', origin: 'imported', source: 'OIEA' },
          terms: [
            { text: 'OIEA', status: 'preferred', type: 'acronym', partOfSpeech: 'properNoun' },
          ],
        },
      },
    });
  });

  it('reads a byte-order mark, comments and CDATA', () => {
    const text =
      '\uFEFF' +
      tbxOf(
        '      <!-- <conceptEntry id="commented-out"> -->\n' +
          entry('a', langSec('en', '<![CDATA[R&D <centre>]]>')),
      );
    const { concepts, entries } = readTbx(text);
    expect(concepts[0]!.languages.en!.terms[0]!.text).toBe('R&D <centre>');
    expect(entries[0]!.line).toBe(7);
  });
});
