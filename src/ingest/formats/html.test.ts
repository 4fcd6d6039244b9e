import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, type ExtractionLimits } from '../extracted-document.js';
import { extractHtml, htmlToBlocks } from './html.js';
import { collapseWhitespace } from './html-text.js';

const page = (body: string, head = '<meta charset="utf-8"><title>T</title>'): string =>
  `<!doctype html><html lang="en"><head>${head}</head><body>${body}</body></html>`;

describe('htmlToBlocks', () => {
  it('gives headings, paragraphs and list items in reading order', () => {
    const blocks = htmlToBlocks(
      page(`<h1>Report</h1><h3>A. Scope</h3><p>First   paragraph,
      wrapped.</p><div>Loose text <span>in a div</span><p>inner</p>after</div>
      <ol start="5"><li>fifth</li><li>sixth<ol type="a"><li>nested</li></ol>tail</li></ol>
      <ul><li>bullet</li></ul><ol type="I"><li value="4">roman</li></ol>`),
    );
    expect(blocks).toEqual([
      { kind: 'heading', level: 1, text: 'Report' },
      { kind: 'heading', level: 3, text: 'A. Scope' },
      { kind: 'paragraph', text: 'First paragraph, wrapped.' },
      { kind: 'paragraph', text: 'Loose text in a div' },
      { kind: 'paragraph', text: 'inner' },
      { kind: 'paragraph', text: 'after' },
      { kind: 'list-item', num: '5', text: 'fifth' },
      { kind: 'list-item', num: '6', text: 'sixth' },
      { kind: 'list-item', num: 'a', text: 'nested' },
      { kind: 'list-item', text: 'tail' },
      { kind: 'list-item', text: 'bullet' },
      { kind: 'list-item', num: 'IV', text: 'roman' },
    ]);
  });

  it('turns <br> into a space, decodes entities and keeps CJK line wrapping tight', () => {
    const blocks = htmlToBlocks(
      page(`<p>Line one<br>line&nbsp;two &amp; &lt;three&gt; &eacute;&#233;&#x4E2D;</p>
      <p>核武器
      国家重申，致力于
      实现核裁军。Mixed 中文
      English</p><p>Cafe\u0301</p>`),
    );
    expect(blocks.map((b) => b.text)).toEqual([
      'Line one line two & <three> éé中',
      '核武器国家重申，致力于实现核裁军。Mixed 中文 English',
      'Café', // NFC
    ]);
  });

  it('gives one paragraph per table row, cells joined by " | "', () => {
    const blocks = htmlToBlocks(
      page(`<table><caption>Votes</caption><tr><th>State</th><th>Vote</th></tr>
      <tr><td>France<br>(FRA)</td><td><p>Yes</p></td></tr><tr><td></td><td></td></tr>
      <tr><td>Peru</td><td><table><tr><td>No</td><td>later</td></tr></table></td></tr></table>`),
    );
    expect(blocks.map((b) => b.text)).toEqual([
      'Votes',
      'State | Vote',
      'France (FRA) | Yes',
      'Peru | No later',
    ]);
  });

  it('collects footnotes at the end and drops reference marks from the text', () => {
    const blocks = htmlToBlocks(
      page(`<p>The Treaty<sup><a href="#fn1" id="fnref1">1</a></sup> and the Protocol<a href="#_ftn2" name="_ftnref2">[2]</a>.</p>
      <aside>An aside.</aside>
      <p>More text.</p>
      <section class="footnotes"><ol>
        <li id="fn1"><p>First note. <a href="#fnref1" class="footnote-back">↩</a></p></li>
        <li id="fn2">Second note.</li></ol></section>
      <div id="ftn3"><p class="MsoFootnoteText"><a href="#_ftnref3" name="_ftn3">[3]</a> Word note.</p></div>`),
    );
    expect(blocks).toEqual([
      { kind: 'paragraph', text: 'The Treaty and the Protocol.' },
      { kind: 'paragraph', text: 'More text.' },
      { kind: 'footnote', text: 'An aside.' },
      { kind: 'footnote', num: '1', text: 'First note.' },
      { kind: 'footnote', num: '2', text: 'Second note.' },
      { kind: 'footnote', num: '3', text: 'Word note.' },
    ]);
  });

  it('skips script, style, noscript, template, head and svg', () => {
    const blocks = htmlToBlocks(
      `<html><head><title>Page</title><script>document.write('<p>no</p>')</script><style>p{}</style></head>
      <body><noscript><p>no</p></noscript><template><p>no</p></template><svg><title>no</title><text>no</text></svg>
      <p>yes</p><script>var x = "<p>no</p>";</script></body></html>`,
    );
    expect(blocks).toEqual([{ kind: 'paragraph', text: 'yes' }]);
  });
});

describe('extractHtml', () => {
  it('reads title and language, and does not number or title from the head', async () => {
    const doc = await extractHtml(
      Buffer.from(
        page('<h1>Heading</h1><p>Text</p>', '<title> The  page &amp; title </title>').replace(
          'lang="en"',
          'lang="zh-Hans"',
        ),
      ),
      DEFAULT_LIMITS,
    );
    expect(doc.metadata).toEqual({ title: 'The page & title', lang: 'zh' });
    expect(doc.format).toBe('html');
    expect(doc.extractor).toBe('htmlparser2');
    const untitled = await extractHtml(
      Buffer.from('<html lang="de"><h1>First h1</h1><h1>Second</h1></html>'),
      DEFAULT_LIMITS,
    );
    expect(untitled.metadata).toEqual({ title: 'First h1' });
  });

  it('decodes the charset a BOM or <meta> names', async () => {
    const arabic = 'إن الجمعية العامة';
    const cp1256 = new Uint8Array([
      0xc5, 0xe4, 0x20, 0xc7, 0xe1, 0xcc, 0xe3, 0xda, 0xed, 0xc9, 0x20, 0xc7, 0xe1, 0xda, 0xc7,
      0xe3, 0xc9,
    ]);
    const withMeta = Buffer.concat([
      Buffer.from(
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1256"></head><body><p>',
      ),
      cp1256,
      Buffer.from('</p></body></html>'),
    ]);
    expect((await extractHtml(withMeta, DEFAULT_LIMITS)).blocks).toEqual([
      { kind: 'paragraph', text: arabic },
    ]);

    const latin1 = Buffer.from('<meta charset="iso-8859-1"><p>S\xe9curit\xe9</p>', 'latin1');
    expect((await extractHtml(latin1, DEFAULT_LIMITS)).blocks[0]?.text).toBe('Sécurité');

    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('<p>Безопасность</p>', 'utf16le'),
    ]);
    expect((await extractHtml(utf16, DEFAULT_LIMITS)).blocks[0]?.text).toBe('Безопасность');

    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<p>安全理事会</p>')]);
    expect((await extractHtml(bom, DEFAULT_LIMITS)).blocks[0]?.text).toBe('安全理事会');
  });

  it('refuses invalid UTF-8 with the byte offset', async () => {
    const bytes = Buffer.concat([
      Buffer.from('<p>abc'),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('</p>'),
    ]);
    await expect(extractHtml(bytes, DEFAULT_LIMITS)).rejects.toMatchObject({
      code: 'invalid_encoding',
      message: 'not valid UTF-8 at byte 6',
    });
    const overlong = Buffer.from([0x3c, 0x70, 0x3e, 0xc0, 0xaf]);
    await expect(extractHtml(overlong, DEFAULT_LIMITS)).rejects.toMatchObject({
      message: 'not valid UTF-8 at byte 3',
    });
  });

  it('enforces the limits', async () => {
    const limits = (over: Partial<ExtractionLimits>): ExtractionLimits => ({
      ...DEFAULT_LIMITS,
      ...over,
    });
    const html = Buffer.from(page(`<p>${'word '.repeat(40)}</p><p>${'x'.repeat(50)}</p>`));
    await expect(extractHtml(html, limits({ maxInputBytes: 100 }))).rejects.toMatchObject({
      code: 'too_large',
    });
    await expect(extractHtml(html, limits({ maxLineChars: 100 }))).rejects.toMatchObject({
      code: 'line_too_long',
    });
    await expect(extractHtml(html, limits({ maxTextChars: 150 }))).rejects.toMatchObject({
      code: 'too_large',
    });
    await expect(extractHtml(Buffer.alloc(0), DEFAULT_LIMITS)).rejects.toMatchObject({
      code: 'empty_file',
    });
    await expect(extractHtml(Buffer.from('<p>a\u0000b</p>'), DEFAULT_LIMITS)).rejects.toMatchObject(
      {
        code: 'binary_content',
      },
    );
  });
});

describe('collapseWhitespace', () => {
  it('removes a line break only between two CJK characters', () => {
    expect(collapseWhitespace(' 核武器\n  国家 ')).toBe('核武器国家');
    expect(collapseWhitespace('核武器  国家')).toBe('核武器 国家');
    expect(collapseWhitespace('𠀀\n𠀁')).toBe('𠀀𠀁'); // astral Han
    expect(collapseWhitespace('nuclear\nweapons')).toBe('nuclear weapons');
    expect(collapseWhitespace('核\nweapons')).toBe('核 weapons');
  });
});

describe('footnotes inside numbered lists', () => {
  it('leave the list item its number', () => {
    const blocks = htmlToBlocks('<ol><li>Text<span class="footnote">A note.</span> more</li></ol>');
    expect(blocks).toEqual([
      { kind: 'list-item', num: '1', text: 'Text more' },
      { kind: 'footnote', text: 'A note.' },
    ]);
  });
});
