import { describe, expect, it } from 'vitest';
import { ExtractionError } from '../extracted-document.js';
import { parseXml, textContent } from './xml-guard-parse.js';
import { assertSafeXml, decodeXmlBytes, decodeXmlEntities } from './xml-guard.js';

function refusal(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof ExtractionError) return `${error.code}: ${error.message}`;
    throw error;
  }
  return undefined;
}

describe('assertSafeXml', () => {
  it('accepts ordinary XML, including markup-like text in comments and CDATA', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<root a="x &gt; y" b='1 > 0'><!-- <!DOCTYPE in a comment --><![CDATA[<!ENTITY & <?pi?>]]>
  <child>&lt;&amp;&#65;&#x4E2D;</child><empty/></root>`;
    expect(refusal(() => assertSafeXml(xml))).toBeUndefined();
  });

  it('refuses DOCTYPE and ENTITY declarations, naming the line', () => {
    expect(refusal(() => assertSafeXml('<?xml version="1.0"?>\n\n<!DOCTYPE r>\n<r/>'))).toBe(
      'forbidden_xml: a DOCTYPE declaration is not allowed (line 3)',
    );
    expect(refusal(() => assertSafeXml('<r>\n<!ENTITY x "y"></r>', { part: 'a.xml' }))).toBe(
      'forbidden_xml: an ENTITY declaration is not allowed (a.xml, line 2)',
    );
  });

  it('refuses processing instructions other than the leading XML declaration', () => {
    expect(refusal(() => assertSafeXml('<?xml-stylesheet href="http://x/s.xsl"?><r/>'))).toBe(
      'forbidden_xml: the processing instruction "<?xml-stylesheet" is not allowed (line 1)',
    );
    expect(refusal(() => assertSafeXml(' <?xml version="1.0"?><r/>'))).toMatch(
      /XML declaration after the start/u,
    );
    expect(refusal(() => assertSafeXml('<r>\n<?php echo 1 ?></r>'))).toMatch(
      /"<\?php" is not allowed \(line 2\)/u,
    );
  });

  it('refuses XInclude, undefined entities and bare ampersands', () => {
    expect(
      refusal(() =>
        assertSafeXml(
          '<r xmlns:xi="http://www.w3.org/2001/XInclude"><xi:include href="/etc/passwd"/></r>',
        ),
      ),
    ).toBe('forbidden_xml: XInclude is not allowed (line 1)');
    expect(refusal(() => assertSafeXml('<r>\n<a>&xxe;</a></r>'))).toBe(
      'invalid_xml: undefined entity "&xxe;" (line 2)',
    );
    expect(refusal(() => assertSafeXml('<r a="&ext;"/>'))).toMatch(
      /^invalid_xml: undefined entity "&ext;"/u,
    );
    expect(refusal(() => assertSafeXml('<r>fish & chips</r>'))).toMatch(
      /^invalid_xml: a bare "&"/u,
    );
  });

  it('enforces depth and size', () => {
    const deep = `${'<a>'.repeat(300)}${'</a>'.repeat(300)}`;
    expect(refusal(() => assertSafeXml(deep))).toBe(
      'too_large: elements nested deeper than 256 levels (line 1)',
    );
    expect(refusal(() => assertSafeXml(deep, { maxDepth: 300 }))).toBeUndefined();
    expect(refusal(() => assertSafeXml('<r>0123456789</r>', { maxChars: 10 }))).toMatch(
      /^too_large/u,
    );
  });
});

describe('decodeXmlEntities', () => {
  it('decodes once: "&amp;#65;" stays "&#65;"', () => {
    expect(decodeXmlEntities('&lt;&gt;&amp;&apos;&quot;&#65;&#x4E2D;&#x1F600;&amp;#65;')).toBe(
      `<>&'"A中😀&#65;`,
    );
    expect(() => decodeXmlEntities('&#0;')).toThrow(/not a character XML allows/u);
    expect(() => decodeXmlEntities('&#xD800;')).toThrow(ExtractionError);
  });
});

describe('decodeXmlBytes', () => {
  it('follows the BOM and the declared encoding', () => {
    expect(decodeXmlBytes(Buffer.from('\ufeff<r>é</r>'))).toBe('<r>é</r>');
    expect(
      decodeXmlBytes(
        Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<r>中</r>', 'utf16le')]),
      ),
    ).toBe('<r>中</r>');
    expect(
      decodeXmlBytes(
        Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><r>\xe9</r>', 'latin1'),
      ),
    ).toMatch(/<r>é<\/r>$/u);
    expect(refusal(() => decodeXmlBytes(Buffer.from([0x3c, 0x72, 0x3e, 0xff])))).toBe(
      'invalid_encoding: not valid UTF-8 at byte 3',
    );
    expect(
      refusal(() => decodeXmlBytes(Buffer.from('<?xml version="1.0" encoding="EBCDIC-XYZ"?><r/>'))),
    ).toMatch(/^invalid_encoding: unsupported character encoding/u);
  });
});

describe('parseXml', () => {
  it('keeps mixed content in order with its spaces, and decodes entities but not CDATA', () => {
    const root = parseXml(
      '<p xmlns:x="u">a <i>b</i>  c &amp; <![CDATA[&amp;<raw>]]><x:y k="&lt;1&gt;" flag/></p>',
    );
    expect(textContent(root)).toBe('a b  c & &amp;<raw>');
    const last = root.children.at(-1);
    expect(last).toMatchObject({ name: 'x:y', local: 'y', attrs: { k: '<1>', flag: '' } });
  });

  it('reports malformed XML with its line, and truncation clearly', () => {
    expect(refusal(() => parseXml('<a>\n<b></a>'))).toMatch(/^invalid_xml: .*\(line 2\)$/u);
    expect(refusal(() => parseXml('<a><b>text'))).toMatch(
      /^invalid_xml: the file ends before the elements .*"a".*"b".* are closed/u,
    );
  });
});
