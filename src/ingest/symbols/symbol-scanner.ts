/**
 * @module The cursor the symbol grammar reads with. Input is first folded character by
 * character (full-width forms, odd spaces and dashes to ASCII, a–z to A–Z), so positions in the
 * folded text are positions in the input. No regular expression runs over the input: every
 * token is read by hand, so long or hostile input costs linear time.
 */

/** How liberal to be: a whole symbol given alone, or a symbol found in running text. */
export interface ScanOptions {
  /** Whether spaces may include line breaks (a symbol broken over two lines of a PDF). */
  readonly multiline: boolean;
  /** Whether the reissue mark may be separated from the symbol (`A/65/1 *`). */
  readonly spacedStar: boolean;
}

export class SymbolSyntaxError extends Error {
  constructor(
    readonly expected: string,
    readonly position: number,
  ) {
    super(`${expected} at position ${position}`);
    this.name = 'SymbolSyntaxError';
  }
}

const DASHES = new Set([0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xfe58, 0xfe63]);
const SPACES = new Set([0x00a0, 0x1680, 0x202f, 0x205f, 0x3000, 0x200b, 0xfeff, 0x00ad]);

function foldCode(code: number): number {
  // Full-width ASCII (Chinese and Japanese documents): ／ → /, ． → ., ２ → 2, Ａ → A.
  if (code >= 0xff01 && code <= 0xff5e) return code - 0xfee0;
  if (SPACES.has(code) || (code >= 0x2000 && code <= 0x200a)) return 0x20;
  if (DASHES.has(code)) return 0x2d;
  if (code === 0x2044 || code === 0x2215) return 0x2f; // fraction slash, division slash
  return code;
}

/** One-for-one normalisation (same length, same positions), keeping letter case. */
export function normalizeSymbolText(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += String.fromCharCode(foldCode(text.charCodeAt(i)));
  return out;
}

/** Like `normalizeSymbolText`, and ASCII letters upper-cased (only ASCII: length must not change). */
export function foldSymbolText(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = foldCode(text.charCodeAt(i));
    out += String.fromCharCode(code >= 0x61 && code <= 0x7a ? code - 0x20 : code);
  }
  return out;
}

const isLetter = (code: number) => code >= 0x41 && code <= 0x5a;
const isDigit = (code: number) => code >= 0x30 && code <= 0x39;
const isRomanLetter = (ch: string) => ch !== '' && 'IVXLCDM'.includes(ch);

/** A saved position, with the length of the canonical text emitted so far. */
export interface Mark {
  readonly pos: number;
  readonly emitted: number;
}

export class Scanner {
  pos: number;
  /** Canonical text emitted while reading, so that the reading itself spells the symbol out. */
  private readonly out: string[] = [];
  private furthest: SymbolSyntaxError | null = null;

  constructor(
    readonly text: string,
    start: number,
    readonly options: ScanOptions,
  ) {
    this.pos = start;
  }

  mark(): Mark {
    return { pos: this.pos, emitted: this.out.length };
  }

  reset(mark: Mark): void {
    this.pos = mark.pos;
    this.out.length = mark.emitted;
  }

  emit(text: string): void {
    this.out.push(text);
  }

  emitted(): string {
    return this.out.join('');
  }

  fail(expected: string, at = this.pos): never {
    throw new SymbolSyntaxError(expected, at);
  }

  /**
   * Runs an optional piece of grammar: on a syntax error the cursor and the emitted text go back
   * to where they were, and the error is kept in case nothing else explains the input better.
   */
  attempt<T>(read: () => T): T | undefined {
    const mark = this.mark();
    try {
      return read();
    } catch (error) {
      if (!(error instanceof SymbolSyntaxError)) throw error;
      this.note(error);
      this.reset(mark);
      return undefined;
    }
  }

  note(error: SymbolSyntaxError): void {
    if (this.furthest === null || error.position > this.furthest.position) this.furthest = error;
  }

  /** The error that got furthest into the input, if it got at least as far as `position`. */
  furthestFrom(position: number): SymbolSyntaxError | null {
    return this.furthest !== null && this.furthest.position >= position ? this.furthest : null;
  }

  peek(offset = 0): string {
    return this.text.charAt(this.pos + offset);
  }

  atEnd(): boolean {
    return this.pos >= this.text.length;
  }

  skipSpace(): void {
    for (;;) {
      const ch = this.peek();
      if (ch === ' ' || ch === '\t' || (this.options.multiline && (ch === '\n' || ch === '\r')))
        this.pos++;
      else return;
    }
  }

  /** Reads `ch`, allowing spaces around it; leaves the cursor untouched when it is not there. */
  tryPunct(ch: string): boolean {
    const start = this.pos;
    this.skipSpace();
    if (this.peek() !== ch) {
      this.pos = start;
      return false;
    }
    this.pos++;
    this.skipSpace();
    return true;
  }

  punct(ch: string, expected: string): void {
    this.skipSpace();
    if (this.peek() !== ch) this.fail(expected);
    this.pos++;
    this.skipSpace();
  }

  slash(after: string): void {
    this.punct('/', `expected '/' after ${after}`);
  }

  /** Reads a word (`CONF`, `REV`) at the cursor when no letter follows it. */
  tryWord(word: string): boolean {
    if (!this.text.startsWith(word, this.pos)) return false;
    if (isLetter(this.text.charCodeAt(this.pos + word.length))) return false;
    this.pos += word.length;
    return true;
  }

  /** The first of `words` at the cursor (try longer words first: `RES` before `R`). */
  tryWords<W extends string>(words: readonly W[]): W | null {
    for (const word of words) if (this.tryWord(word)) return word;
    return null;
  }

  /** The run of letters at the cursor, without moving it. */
  peekLetters(): string {
    let end = this.pos;
    while (isLetter(this.text.charCodeAt(end))) end++;
    return this.text.slice(this.pos, end);
  }

  /** An optional `.` after a keyword, with spaces allowed around it (`Rev.1`, `Rev 1`, `Rev. 1`). */
  optionalDot(): void {
    this.tryPunct('.');
    this.skipSpace();
  }

  tryDigits(): string | null {
    const start = this.pos;
    while (isDigit(this.text.charCodeAt(this.pos))) this.pos++;
    return this.pos > start ? this.text.slice(start, this.pos) : null;
  }

  digits(expected: string): string {
    return this.tryDigits() ?? this.fail(expected);
  }

  /** A positive integer small enough to be a revision, volume or session number. */
  smallNumber(expected: string): number {
    const start = this.pos;
    const text = this.digits(expected);
    const value = Number(text);
    if (text.length > 6 || value < 1) this.fail(expected, start);
    return value;
  }

  /** A four-digit year from 1945 (the founding of the United Nations) to 2099. */
  year(expected: string): number {
    const start = this.pos;
    const text = this.digits(expected);
    const value = Number(text);
    if (text.length !== 4 || value < 1945 || value > 2099) this.fail(expected, start);
    return value;
  }

  /** The Roman numeral at the cursor (letters only, no letter after), without validating it. */
  tryRomanLetters(): string | null {
    let end = this.pos;
    while (isRomanLetter(this.text.charAt(end))) end++;
    if (end === this.pos || isLetter(this.text.charCodeAt(end))) return null;
    const text = this.text.slice(this.pos, end);
    this.pos = end;
    return text;
  }
}
