/**
 * @module Visual order back to logical order, for text lines read from a PDF page left to right.
 *
 * A PDF draws Arabic the way it looks: glyphs placed left to right, so an Arabic sentence comes
 * out backwards, with numbers and Latin words (which run left to right inside it) the right way
 * round. A PDF's ToUnicode map gives the characters that were typed (a bracket is `(` even where
 * its glyph is drawn mirrored), so a line read off the page is the logical text permuted by the
 * Unicode Bidirectional Algorithm (UAX #9), and getting the logical text back means undoing that.
 *
 * How: resolve embedding levels on the visual line (inside each run its neighbours are the same
 * characters as in logical order), and undo rule L2 by reversing runs from the lowest odd level up.
 * Then check the guess by running UAX #9 forwards ({@link logicalToVisual}): it must give the line
 * back as drawn. What the guess can get wrong is what depends on the order being recovered: which
 * brackets pair (N0), and what comes before a number (W2, W7: after Arabic, `15%` is drawn `%15`;
 * after a Latin symbol, a number joins it). When the check fails, other guesses are tried, fewest
 * changes first: brackets set to either direction, `%` detached from its number, W7 reaching
 * across spaces or not. A line with no right-to-left letters in a right-to-left document
 * (`25-05123 (A)` in a footer) is tried in both directions; the reading whose brackets pair up
 * wins. A few lines have two readings (`2024 NPT/…` and `NPT/… 2024` look the same right to
 * left): the first that checks is taken.
 *
 * The subset of UAX #9 one line needs: no explicit embeddings (stripped beforehand), rules W1–W7,
 * N0–N2, I1–I2, L2. Marks stay with their base letter: the line is handled as grapheme clusters.
 */

type BidiClass = 'L' | 'R' | 'AL' | 'EN' | 'AN' | 'ES' | 'ET' | 'CS' | 'NSM' | 'WS' | 'ON';
type Direction = 'ltr' | 'rtl';

const ARABIC_NUMBER = /[\u0660-\u0669\u0600-\u0605\u066B\u066C\u06DD\u0890\u0891\u08E2]/u;
const EUROPEAN_NUMBER =
  /[0-9\u00B2\u00B3\u00B9\u2070\u2074-\u2079\u2080-\u2089\u06F0-\u06F9\uFF10-\uFF19]/u;
const EUROPEAN_SEPARATOR = /[+\-\u207A\u207B\u208A\u208B\u2212\uFB29\uFE62\uFE63\uFF0B\uFF0D]/u;
const COMMON_SEPARATOR =
  /[,./:\u00A0\u060C\u202F\u2044\uFE50\uFE52\uFE55\uFF0C\uFF0E\uFF0F\uFF1A]/u;
const EUROPEAN_TERMINATOR =
  /[#$%\u00A2-\u00A5\u00B0\u00B1\u0609\u060A\u066A\u2030-\u2034\u212E\u2213\uFE5F\uFE69\uFE6A\uFF03-\uFF05\uFFE0\uFFE1\uFFE5\uFFE6]|\p{Sc}/u;
const WHITESPACE = /[\s\u3000]/u;
const MARK = /[\p{Mn}\p{Me}\u200B-\u200D\u2060\uFEFF]/u;
const HEBREW_ETC =
  /[\u0590-\u05FF\u07C0-\u085F\uFB1D-\uFB4F]|[\u{10800}-\u{10FFF}\u{1E800}-\u{1EC6F}]/u;
const ARABIC_ETC = /[\u0600-\u07BF\u0860-\u08FF\uFB50-\uFD3D\uFD40-\uFDFF\uFE70-\uFEFC]/u;
const STRONG_LTR = /[\p{L}\p{Nd}\p{Nl}\p{Mc}]/u;

/** Bidi class of a grapheme cluster: that of its first character. */
function classOf(cluster: string): BidiClass {
  if (MARK.test(cluster[0] ?? '')) return 'NSM';
  const char = String.fromCodePoint(cluster.codePointAt(0) ?? 32);
  if (EUROPEAN_NUMBER.test(char)) return 'EN';
  if (ARABIC_NUMBER.test(char)) return 'AN';
  if (COMMON_SEPARATOR.test(char)) return 'CS';
  if (EUROPEAN_SEPARATOR.test(char)) return 'ES';
  if (EUROPEAN_TERMINATOR.test(char)) return 'ET';
  if (WHITESPACE.test(char)) return 'WS';
  if (HEBREW_ETC.test(char)) return 'R';
  if (ARABIC_ETC.test(char)) return 'AL';
  if (STRONG_LTR.test(char)) return 'L';
  return 'ON';
}

/** Paired brackets (UAX #9 BD14–BD16): opening bracket → its closing one. */
const BRACKETS = new Map<string, string>([
  ['(', ')'],
  ['[', ']'],
  ['{', '}'],
  ['\uFF08', '\uFF09'],
  ['\uFF3B', '\uFF3D'],
  ['\uFF5B', '\uFF5D'],
  ['\u3008', '\u3009'],
  ['\u300A', '\u300B'],
  ['\u300C', '\u300D'],
  ['\u300E', '\u300F'],
  ['\u3010', '\u3011'],
  ['\u3014', '\u3015'],
]);
const CLOSING = new Map([...BRACKETS].map(([open, close]) => [close, open]));
const isBracket = (c: string) => BRACKETS.has(c) || CLOSING.has(c);

const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });
const clustersOf = (text: string) => Array.from(graphemes.segment(text), (s) => s.segment);

/** Counts strong right-to-left and left-to-right letters, to choose a line's base direction. */
export function strongLetterCounts(text: string): { rtl: number; ltr: number } {
  let rtl = 0;
  let ltr = 0;
  for (const char of text) {
    const cls = classOf(char);
    if (cls === 'R' || cls === 'AL') rtl++;
    else if (cls === 'L' && /\p{L}/u.test(char)) ltr++;
  }
  return { rtl, ltr };
}

/** True if the text contains any right-to-left letter. */
export function hasRtlLetter(text: string): boolean {
  return strongLetterCounts(text).rtl > 0;
}

/**
 * Base direction of a line: right-to-left when most of its strong letters are right-to-left; a
 * line with no letters at all (a number, a dash) takes `fallback`, the document's direction.
 */
export function lineDirection(text: string, fallback: Direction): Direction {
  const { rtl, ltr } = strongLetterCounts(text);
  if (rtl === 0 && ltr === 0) return fallback;
  return rtl > ltr ? 'rtl' : 'ltr';
}

type Strong = 'L' | 'R';

interface Guess {
  /** Directions for the brackets at these indexes; the others are plain neutrals (N1–N2). */
  readonly brackets?: ReadonlyMap<number, Strong>;
  /**
   * Terminators (`%`) that rule W5 leaves out: after Arabic letters a number is an Arabic number
   * (W2) and `%` does not join it, which a visual line cannot tell ("15%" there is drawn "%15").
   */
  readonly detached?: ReadonlySet<number>;
  /**
   * How far W7 (a number after Latin text is left-to-right) looks on a visual line, where left is
   * not always before: `word` only within a word (`CONF.2010`); `left` across spaces too
   * (`Vol. 2024`, but also `25-05123 (A)` drawn right to left, where the `A` is logically after);
   * `either` to the nearest letter on either side (`(2024 NPT/…)` after an earlier Latin symbol).
   */
  readonly w7?: 'word' | 'left' | 'either';
}

/**
 * Resolves embedding levels (W1–W7, N0–N2, I1–I2). `logical`: the text is in logical order, so
 * "before" means earlier in the line (W2, W7, N0); otherwise the approximations for a visual line,
 * with `guess`: W7 only within a word ("CONF.2010"), since left is not always before; brackets
 * and W5 as the guess says.
 */
function resolveLevels(
  clusters: readonly string[],
  paragraph: Strong,
  logical: boolean,
  guess: Guess = {},
): number[] {
  const n = clusters.length;
  const types: BidiClass[] = clusters.map(classOf);
  // W1: a mark takes the type of what it follows.
  for (let i = 0; i < n; i++)
    if (types[i] === 'NSM') types[i] = i === 0 ? paragraph : types[i - 1]!;
  // W2: a European number after Arabic letters is an Arabic number. W3: AL is R.
  let lastStrong: BidiClass = paragraph;
  for (let i = 0; i < n; i++) {
    const t = types[i]!;
    if (t === 'L' || t === 'R' || t === 'AL') lastStrong = t;
    else if (t === 'EN' && logical && lastStrong === 'AL') types[i] = 'AN';
  }
  for (let i = 0; i < n; i++) if (types[i] === 'AL') types[i] = 'R';
  // W4: one separator between two numbers of the same kind joins them.
  for (let i = 1; i < n - 1; i++) {
    const before = types[i - 1];
    const after = types[i + 1];
    if (types[i] === 'ES' && before === 'EN' && after === 'EN') types[i] = 'EN';
    else if (types[i] === 'CS' && before === after && (before === 'EN' || before === 'AN')) {
      types[i] = before!;
    }
  }
  // W5: terminators (%, $) next to a European number are part of it.
  for (let i = 0; i < n; i++) {
    if (types[i] !== 'ET' || guess.detached?.has(i) === true) continue;
    let end = i;
    while (end < n && types[end] === 'ET' && guess.detached?.has(end) !== true) end++;
    if ((i > 0 && types[i - 1] === 'EN') || (end < n && types[end] === 'EN')) {
      for (let k = i; k < end; k++) types[k] = 'EN';
    }
    i = end - 1;
  }
  // W6: any other separator or terminator is neutral.
  for (let i = 0; i < n; i++) {
    const t = types[i];
    if (t === 'ES' || t === 'ET' || t === 'CS') types[i] = 'ON';
  }
  // W7: a European number after left-to-right text is left-to-right ("CONF.2010").
  const w7 = logical ? 'left' : (guess.w7 ?? 'left');
  let previous: Strong = paragraph;
  for (let i = 0; i < n; i++) {
    const t = types[i];
    if (t === 'L' || t === 'R') previous = t;
    else if (t === 'WS' && w7 === 'word') previous = paragraph;
    else if (t === 'EN' && previous === 'L') types[i] = 'L';
  }
  if (w7 === 'either') {
    let next: Strong = paragraph;
    for (let i = n - 1; i >= 0; i--) {
      const t = types[i];
      if (t === 'L' || t === 'R') next = t;
      else if (t === 'EN' && next === 'L') types[i] = 'L';
    }
  }
  for (const [at, direction] of guess.brackets ?? []) types[at] = direction;
  const strongOf = (t: BidiClass | undefined): Strong | undefined =>
    t === 'L' ? 'L' : t === 'R' || t === 'EN' || t === 'AN' ? 'R' : undefined;
  // N0: a bracket pair takes the direction of what it encloses, or of what precedes it.
  if (logical) {
    for (const [open, close] of bracketPairs(clusters)) {
      let inside: Strong | undefined;
      for (let k = open + 1; k < close; k++) {
        const s = strongOf(types[k]);
        if (s === paragraph) {
          inside = s;
          break;
        }
        if (s !== undefined) inside = s;
      }
      if (inside === undefined) continue;
      let resolved: Strong = paragraph;
      if (inside !== paragraph) {
        let context: Strong = paragraph;
        for (let k = open - 1; k >= 0; k--) {
          const s = strongOf(types[k]);
          if (s !== undefined) {
            context = s;
            break;
          }
        }
        resolved = context === inside ? inside : paragraph;
      }
      types[open] = resolved;
      types[close] = resolved;
    }
  }
  // N1, N2: neutrals between two runs of the same direction take it; others the paragraph's.
  for (let i = 0; i < n; i++) {
    if (types[i] !== 'WS' && types[i] !== 'ON') continue;
    let end = i;
    while (end < n && (types[end] === 'WS' || types[end] === 'ON')) end++;
    const before = i > 0 ? (strongOf(types[i - 1]) ?? paragraph) : paragraph;
    const after = end < n ? (strongOf(types[end]) ?? paragraph) : paragraph;
    const resolved = before === after ? before : paragraph;
    for (let k = i; k < end; k++) types[k] = resolved;
    i = end - 1;
  }
  // I1, I2.
  return types.map((t) => {
    if (paragraph === 'L') return t === 'L' ? 0 : t === 'R' ? 1 : 2;
    return t === 'R' ? 1 : 2;
  });
}

/** BD16: bracket pairs as [opening index, closing index], sorted by the opening one. */
function bracketPairs(clusters: readonly string[]): [number, number][] {
  const stack: { close: string; at: number }[] = [];
  const pairs: [number, number][] = [];
  clusters.forEach((c, i) => {
    const close = BRACKETS.get(c);
    if (close !== undefined) {
      if (stack.length < 63) stack.push({ close, at: i });
      return;
    }
    if (!CLOSING.has(c)) return;
    for (let k = stack.length - 1; k >= 0; k--) {
      if (stack[k]!.close === c) {
        pairs.push([stack[k]!.at, i]);
        stack.length = k;
        return;
      }
    }
  });
  return pairs.sort((a, b) => a[0] - b[0]);
}

/** Rule L2 (`forward`) or its inverse: reverses runs at or above each level. */
function reorder(clusters: readonly string[], levels: readonly number[], forward: boolean): string {
  const order = clusters.map((_, i) => i);
  const max = levels.reduce((m, l) => Math.max(m, l), 0);
  const steps: number[] = [];
  for (let k = 1; k <= max; k++) steps.push(k);
  if (forward) steps.reverse();
  for (const k of steps) {
    let i = 0;
    while (i < order.length) {
      if (levels[order[i]!]! < k) {
        i++;
        continue;
      }
      let end = i;
      while (end < order.length && levels[order[end]!]! >= k) end++;
      for (let a = i, b = end - 1; a < b; a++, b--) [order[a], order[b]] = [order[b]!, order[a]!];
      i = end;
    }
  }
  return order.map((i) => clusters[i]).join('');
}

/** Displays a logical line the way UAX #9 lays it out, left to right (no mirroring). */
export function logicalToVisual(logical: string, direction: Direction): string {
  const clusters = clustersOf(logical);
  return reorder(clusters, resolveLevels(clusters, direction === 'rtl' ? 'R' : 'L', true), true);
}

/** Brackets with no partner in the line: fewer is a more plausible reading. */
function unpairedBrackets(text: string): number {
  const clusters = clustersOf(text);
  const paired = bracketPairs(clusters).length * 2;
  return clusters.filter(isBracket).length - paired;
}

/**
 * Logical readings of a visual line in one direction: the plain guess (brackets as neutrals),
 * then with its brackets given each combination of directions, fewest against the paragraph first;
 * then the same without rule W5.
 */
function* readings(clusters: readonly string[], direction: Direction): Generator<string> {
  const paragraph: Strong = direction === 'rtl' ? 'R' : 'L';
  const other: Strong = paragraph === 'R' ? 'L' : 'R';
  const brackets = clusters.flatMap((c, i) => (isBracket(c) ? [i] : [])).slice(0, 5);
  const terminators = clusters.flatMap((c, i) => (classOf(c) === 'ET' ? [i] : [])).slice(0, 3);
  const hasNumber = clusters.some((c) => EUROPEAN_NUMBER.test(c));
  const w7Modes = hasNumber ? (['left', 'word', 'either'] as const) : (['left'] as const);
  for (const detachedSet of subsetsOf(terminators.length)) {
    const detached = new Set(terminators.filter((_, bit) => (detachedSet >> bit) & 1));
    for (const w7 of w7Modes) {
      // Brackets first as plain neutrals (N1–N2), then set to each combination of directions.
      const plain = { detached, w7 };
      yield reorder(clusters, resolveLevels(clusters, paragraph, false, plain), false);
      for (const subset of brackets.length > 0 ? subsetsOf(brackets.length) : []) {
        const assigned = new Map(
          brackets.map((at, bit) => [at, (subset >> bit) & 1 ? other : paragraph]),
        );
        const guess = { ...plain, brackets: assigned };
        yield reorder(clusters, resolveLevels(clusters, paragraph, false, guess), false);
      }
    }
  }
}

/** The subsets of `n` items as bit masks, fewest items first. */
function subsetsOf(n: number): number[] {
  return Array.from({ length: 2 ** n }, (_, i) => i).sort(
    (a, b) => popCount(a) - popCount(b) || a - b,
  );
}

function popCount(n: number): number {
  let count = 0;
  for (let m = n; m > 0; m >>= 1) count += m & 1;
  return count;
}

/** Longest line (in grapheme clusters) whose reading is checked and searched for. */
const MAX_SEARCH_CLUSTERS = 2000;

interface Reading {
  readonly text: string;
  readonly direction: Direction;
}

/**
 * The readings in `direction` that lay out as `visual`: the first whose brackets all pair up, or
 * the one with the fewest unpaired (a line may end inside brackets).
 */
function bestReading(
  clusters: readonly string[],
  visual: string,
  direction: Direction,
): (Reading & { unpaired: number }) | undefined {
  let best: (Reading & { unpaired: number }) | undefined;
  for (const text of readings(clusters, direction)) {
    if (logicalToVisual(text, direction) !== visual) continue;
    const unpaired = unpairedBrackets(text);
    if (unpaired === 0) return { text, direction, unpaired };
    if (best === undefined || unpaired < best.unpaired) best = { text, direction, unpaired };
  }
  return best;
}

/**
 * Reorders one line from visual order (left to right on the page) to logical order. `document`
 * is the document's direction: in a right-to-left document a line with any right-to-left letter
 * is read right to left (a short Arabic line may hold more Latin letters than Arabic ones); a line
 * without is read in whichever direction pairs its brackets (`25-05123 (A)` in an Arabic footer).
 */
export function visualToLogical(visual: string, document: Direction): Reading {
  const { rtl } = strongLetterCounts(visual);
  if (rtl === 0 && document === 'ltr') return { text: visual, direction: 'ltr' };
  const clusters = clustersOf(visual);
  if (clusters.length > MAX_SEARCH_CLUSTERS) {
    // No page has a line this long: do not spend time searching, take the plain guess.
    const direction: Direction =
      rtl > 0 && document === 'rtl' ? 'rtl' : lineDirection(visual, document);
    const [guess = visual] = readings(clusters, direction);
    return { text: guess, direction };
  }
  const primary: Direction =
    rtl > 0 && document === 'rtl' ? 'rtl' : lineDirection(visual, document);
  const secondary: Direction = primary === 'rtl' ? 'ltr' : 'rtl';
  const first = bestReading(clusters, visual, primary);
  if (first !== undefined && (first.unpaired === 0 || rtl > 0)) {
    return { text: first.text, direction: first.direction };
  }
  const second = bestReading(clusters, visual, secondary);
  const best =
    first === undefined || (second !== undefined && second.unpaired < first.unpaired)
      ? second
      : first;
  if (best !== undefined) return { text: best.text, direction: best.direction };
  // Nothing lays out as the line (a neutral at its end may belong to the next line): the guess.
  const [guess = visual] = readings(clusters, primary);
  return { text: guess, direction: primary };
}
