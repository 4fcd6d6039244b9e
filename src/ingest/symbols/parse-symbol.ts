/**
 * @module `parseSymbol`: liberal text in (`npt/conf.2015/pc.ii/wp.13`, `INFCIRC/153(corrected)`,
 * `A/C.1/65/L.1/Rev 1`, full-width `／`, an en dash), one canonical `UnSymbol` out, or an error
 * that says what was expected and where.
 */
import {
  scanConferenceOnDisarmament,
  scanGeneralAssembly,
  scanNpt,
  scanSecurityCouncil,
} from './symbol-grammar-un.js';
import {
  scanBoardOfGovernors,
  scanCtbt,
  scanGeneralConference,
  scanInformationCircular,
} from './symbol-grammar-vienna.js';
import { foldSymbolText, Scanner, SymbolSyntaxError, type ScanOptions } from './symbol-scanner.js';
import { scanSuffixes, type Draft } from './symbol-suffixes.js';
import type { SymbolBody, SymbolParse, UnSymbol } from './un-symbol.js';

type BodyReader = (sc: Scanner, draft: Draft) => void;

/** Longer names first, so that `GOV` is not read as `G…` and `CTBT` not as `CD`. */
const BODIES: readonly (readonly [SymbolBody, BodyReader])[] = [
  ['INFCIRC', scanInformationCircular],
  ['CTBT', scanCtbt],
  ['GOV', scanBoardOfGovernors],
  ['NPT', scanNpt],
  ['GC', scanGeneralConference],
  ['CD', scanConferenceOnDisarmament],
  ['A', scanGeneralAssembly],
  ['S', scanSecurityCouncil],
];

const WHOLE_INPUT: ScanOptions = { multiline: true, spacedStar: true };

/** Drops absent fields, so that a symbol has only the keys that mean something. */
function compact(draft: Draft): Draft {
  return Object.fromEntries(
    Object.entries(draft).filter(([, value]) => value !== undefined),
  ) as unknown as Draft;
}

/**
 * Reads one symbol at the scanner's position and leaves the cursor after it (the longest symbol
 * that parses). Throws `SymbolSyntaxError` when no symbol starts there.
 */
export function scanSymbol(sc: Scanner): UnSymbol {
  for (const [body, read] of BODIES) {
    if (!sc.tryWord(body)) continue;
    const draft: Draft = { body, series: 'main', number: null, revisions: [] };
    read(sc, draft);
    const head = sc.emitted();
    const pieces = scanSuffixes(sc, draft);
    const revisions = Object.freeze(draft.revisions.map((r) => Object.freeze({ ...r })));
    // The spellings first: they are what a reader of the JSON looks for.
    const canonical = head + pieces.map((p) => p.text).join('');
    const base =
      head +
      pieces
        .filter((p) => p.ofWork)
        .map((p) => p.text)
        .join('');
    return Object.freeze({ canonical, base, ...compact(draft), revisions });
  }
  return sc.fail('expected a symbol beginning with NPT/, A/, S/, GOV/, GC(, INFCIRC/, CD/ or CTBT');
}

/** What the input holds at `position`, quoted for an error message. */
function describeFound(input: string, position: number): string {
  if (position >= input.length) return 'found the end of the input';
  let end = position;
  while (end < input.length && end - position < 16 && !' \t\r\n/()*'.includes(input.charAt(end)))
    end++;
  return `found '${input.slice(position, Math.max(end, position + 1))}'`;
}

function failure(input: string, error: SymbolSyntaxError): SymbolParse {
  const { expected, position } = error;
  return {
    ok: false,
    error: {
      message: `${expected} at position ${position}, ${describeFound(input, position)}`,
      position,
    },
  };
}

export function parseSymbol(input: string): SymbolParse {
  const sc = new Scanner(foldSymbolText(input), 0, WHOLE_INPUT);
  sc.skipSpace();
  if (sc.atEnd())
    return failure(input, new SymbolSyntaxError('expected a document symbol', sc.pos));
  try {
    const symbol = scanSymbol(sc);
    sc.skipSpace();
    if (sc.atEnd()) return { ok: true, symbol };
    return failure(
      input,
      sc.furthestFrom(sc.pos) ??
        new SymbolSyntaxError(`expected the end of the symbol after ${symbol.canonical}`, sc.pos),
    );
  } catch (error) {
    if (!(error instanceof SymbolSyntaxError)) throw error;
    // An optional part that failed further on explains the input better than where we stopped.
    const further = sc.furthestFrom(error.position + 1);
    return failure(input, further ?? error);
  }
}
