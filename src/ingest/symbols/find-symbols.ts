/**
 * @module `findSymbols`: the UN symbols in running text, such as a document header
 * (`NPT/CONF.2015/PC.II/WP.13\nDistr.: General`) or a citation in Chinese
 * (`（A/55/602/Add.2，第94段）`). Stricter than `parseSymbol` where prose could be mistaken for a
 * symbol: the body must be upper case and stand alone, a symbol never runs across a line break,
 * and a reissue mark must touch the symbol (`*1520203*` is a barcode, not a reissue).
 */
import { scanSymbol } from './parse-symbol.js';
import {
  foldSymbolText,
  normalizeSymbolText,
  Scanner,
  SymbolSyntaxError,
  type ScanOptions,
} from './symbol-scanner.js';
import type { UnSymbol } from './un-symbol.js';

export interface FoundSymbol {
  readonly symbol: UnSymbol;
  /** Where the symbol starts in the text (UTF-16 code units, as `String.prototype.slice` counts). */
  readonly index: number;
  readonly length: number;
}

const RUNNING_TEXT: ScanOptions = { multiline: false, spacedStar: false };

/** Body names in upper case only: lower-case `a/b` or `s/he` in prose are not symbols. */
const BODY_START = /INFCIRC|CTBT|GOV|NPT|GC|CD|A|S/g;

/** A letter, digit or symbol punctuation just before or after a candidate means it is part of a longer token. */
const isWordChar = (ch: string) => /^[A-Za-z0-9]$/.test(ch);

export function findSymbols(text: string): FoundSymbol[] {
  const normalized = normalizeSymbolText(text);
  const folded = foldSymbolText(text);
  const found: FoundSymbol[] = [];
  let resumeAt = 0;
  for (const match of normalized.matchAll(BODY_START)) {
    const index = match.index;
    if (index < resumeAt) continue;
    const before = normalized.charAt(index - 1);
    if (isWordChar(before) || before === '/' || before === '.') continue;
    const sc = new Scanner(folded, index, RUNNING_TEXT);
    let symbol: UnSymbol;
    try {
      symbol = scanSymbol(sc);
    } catch (error) {
      if (error instanceof SymbolSyntaxError) continue;
      throw error;
    }
    // The scanner may stop after spaces it read looking for a suffix (`(2004) and`): the symbol
    // ends before them.
    let end = sc.pos;
    while (end > index && /\s/u.test(folded.charAt(end - 1))) end--;
    // `S/2006/815abc` is some other token; a symbol ends where a word would.
    if (isWordChar(folded.charAt(end))) continue;
    found.push({ symbol, index, length: end - index });
    resumeAt = end;
  }
  return found;
}
