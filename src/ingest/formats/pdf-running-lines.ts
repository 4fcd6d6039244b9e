/**
 * @module Finds the running lines of a paginated document: headers, footers, page numbers, and
 * the furniture the United Nations prints at the foot of a document's pages (job number such as
 * `13-29718 (C)` or `GE.13-12345`, print date, barcode `*1329718*`, "Please recycle").
 *
 * Two tests, each looking only at the first and last few lines of a page, walking in from the
 * edge and stopping at the first line that passes neither:
 *
 * - Repetition: a line whose text, with every number replaced by `#` and its words sorted (so
 *   `2/5  13-29718` on an even page matches `13-29718  3/5` on an odd one), sits at the same edge
 *   of at least 40% of the pages (and at least two), at the same height where heights are known,
 *   and whose numbers are the same on every page or count the pages; and that is set apart
 *   from the body by a gap of almost two lines. A line of that text somewhere else (the symbol in
 *   a first page's masthead, when pages 2+ repeat it in their header) stays, and so does body text
 *   that happens to start several pages.
 * - Shape: a line made only of page-number, job-number, print-date and barcode tokens, or a bare
 *   document symbol (`NPT/CONF.2015/PC.II/WP.13`) at the top or foot of any page but the first.
 *
 * Pure: no PDF here, only lines of text; the PDF extractor hands each page's lines top to bottom.
 */

export interface PageLine {
  readonly text: string;
  /** Distance of the line from the top of its page, in the page's units (optional). */
  readonly y?: number;
}

export interface Page<T extends PageLine = PageLine> {
  readonly lines: readonly T[];
  /** Page height in the units of `y`, so footers can be measured from the bottom. */
  readonly height?: number;
}

export interface RunningLineOptions {
  /** How many lines at each edge of a page may be running lines (default 4). */
  readonly edgeLines?: number;
  /** Share of pages a repeated line must appear on (default 0.4; never fewer than 2 pages). */
  readonly minShare?: number;
}

const DIGITS = /\p{Nd}+/gu;

/** A line's words, NFKC and lower case, sorted by their shape with numbers as `#`. */
function sortedWords(text: string): { shape: string; word: string }[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .split(/\s+/u)
    .filter((w) => w !== '')
    .map((word) => ({ shape: word.replace(DIGITS, '#'), word }))
    .sort((a, b) => (a.shape < b.shape ? -1 : a.shape > b.shape ? 1 : 0));
}

/** The text a running line is recognised by: NFKC, lower case, numbers as `#`, words sorted. */
export function runningLineKey(text: string): string {
  return sortedWords(text)
    .map((w) => w.shape)
    .join(' ');
}

/**
 * The numbers of a running line either stay the same on every page (a symbol, a job number) or
 * count the pages (a page number): each is constant, or constant minus the page's index. Body
 * lines that differ only in a number ("Table 3", "Table 7") do not pass.
 */
function numbersFollowPages(occurrences: readonly { page: number; text: string }[]): boolean {
  const numbers = occurrences.map((o) =>
    sortedWords(o.text).flatMap((w) => (w.word.match(DIGITS) ?? []).map((d) => Number(d))),
  );
  const slots = numbers[0]?.length ?? 0;
  for (let slot = 0; slot < slots; slot++) {
    const values = numbers.map((list) => list[slot] ?? Number.NaN);
    const offsets = values.map((v, i) => v - occurrences[i]!.page);
    const same = (list: number[]) => list.every((v) => v === list[0]);
    if (!same(values) && !same(offsets)) return false;
  }
  return true;
}

/** A page number: up to three digits in any script, or a lower-case roman numeral up to 399. */
const NUMBER = String.raw`(?:\p{Nd}{1,3}|(?=[ivxlc])c{0,3}(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3}))`;
const PAGE_WORD = String.raw`(?:[Pp]age|PAGE|[Pp]\.|[Pp]ág\.|[Pp]ágina|[Pp]agina|[Сс]траница|[Сс]тр\.|صفحة|الصفحة)`;
const OF_WORD = String.raw`(?:of|de|sur|из|من|/)`;

const PAGE_NUMBER_LINE = new RegExp(
  [
    String.raw`^[-–—]?\s*${NUMBER}\s*[-–—]?$`, // 2, - 2 -, – ii –
    String.raw`^${NUMBER}\s*/\s*${NUMBER}$`, // 2/5
    String.raw`^${PAGE_WORD}\s*${NUMBER}(?:\s*${OF_WORD}\s*${NUMBER})?$`, // Page 2 of 5
    String.raw`^第\s*${NUMBER}\s*页(?:\s*[/，,]?\s*共\s*${NUMBER}\s*页)?$`, // 第2页
  ].join('|'),
  'u',
);

/** A bare page number in one of the forms UN documents and word processors print. */
export function isPageNumberLine(text: string): boolean {
  return PAGE_NUMBER_LINE.test(text.normalize('NFKC').trim());
}

/** A United Nations document symbol: `A/RES/55/100`, `NPT/CONF.2015/PC.II/WP.13`, `S/2024/1`. */
const SYMBOL = /^[A-Z][A-Z0-9]*(?:\.[A-Z0-9]+)*(?:\/[A-Z0-9][A-Za-z0-9.\-()]*)+$/u;

const FURNITURE_TOKENS: readonly RegExp[] = [
  /^(?:GE\.)?\p{Nd}{2}-\p{Nd}{5}(?:\([A-Z]\))?$/u, // job number 13-29718, GE.13-12345
  /^[()][A-Z]{1,2}[()]$/u, // language of the version: (E), (C), (A), or mirrored by bidi
  /^\p{Nd}{6}$/u, // print date 150413
  /^\*\p{Nd}{5,}\*$/u, // barcode *1329718*
  new RegExp(String.raw`^${NUMBER}(?:/${NUMBER})?$`, 'u'), // page number 2, 2/5
  /^[-–—]$/u,
  new RegExp(String.raw`^${PAGE_WORD}$`, 'u'),
];

/**
 * A line that is nothing but page furniture: page number, job number, print date, barcode, or
 * "Please recycle". A symbol alone counts only when `symbolCounts` (pages after the first).
 */
export function isFurnitureLine(text: string, symbolCounts = false): boolean {
  const normalized = text.normalize('NFKC').trim();
  if (normalized === '') return false;
  if (isPageNumberLine(normalized)) return true;
  // "Please recycle" (with its logo) sits at the foot of a UN document's first page.
  const line = normalized.replace(/\bplease recycle\b/iu, '').trim();
  if (line === '') return true;
  const tokens = line.split(/\s+/u);
  const jobLike = tokens.some((t) => /-\p{Nd}{5}|^\*\p{Nd}+\*$/u.test(t));
  if (symbolCounts && tokens.some((t) => SYMBOL.test(t))) {
    // The header of a continuation page: the symbol, perhaps with a page number beside it.
    return tokens.every((t) => SYMBOL.test(t) || FURNITURE_TOKENS.some((re) => re.test(t)));
  }
  // Numbers alone are a page number only in the forms above; with a job number or barcode on the
  // line (UN footers: `13-29718 (E)  150413`, `2/5  13-29718`) any mix of these tokens is furniture.
  return jobLike && tokens.every((t) => FURNITURE_TOKENS.some((re) => re.test(t)));
}

/** How many usual line steps separate a running header or footer from the body text. */
const ISOLATION = 1.8;

/**
 * The usual distance between consecutive lines of a page, where positions are known: a low
 * percentile, since the steps between paragraphs and to headers and footers are the larger ones.
 */
function usualStep(pages: readonly Page[]): number | undefined {
  const steps: number[] = [];
  for (const page of pages) {
    for (let i = 1; i < page.lines.length; i++) {
      const a = page.lines[i - 1]!.y;
      const b = page.lines[i]!.y;
      if (a !== undefined && b !== undefined && b > a) steps.push(b - a);
    }
  }
  steps.sort((a, b) => a - b);
  return steps[Math.floor(steps.length * 0.3)];
}

interface Occurrence {
  readonly page: number;
  readonly index: number;
  readonly text: string;
  /** Distance from the page edge the line belongs to (top or bottom), when known. */
  readonly offset: number | undefined;
}

/**
 * Marks the running lines of each page. Returns, for every page, one flag per line: `true` for a
 * header, footer or page number to drop.
 */
export function findRunningLines(
  pages: readonly Page[],
  options: RunningLineOptions = {},
): boolean[][] {
  const edge = options.edgeLines ?? 4;
  const minShare = options.minShare ?? 0.4;
  const removed = pages.map((p) => p.lines.map(() => false));
  const minPages = Math.max(2, Math.ceil(pages.length * minShare));

  const repeated = (fromTop: boolean): Map<string, Set<string>> => {
    const byKey = new Map<string, Occurrence[]>();
    pages.forEach((page, p) => {
      const n = page.lines.length;
      for (let k = 0; k < Math.min(edge, n); k++) {
        const index = fromTop ? k : n - 1 - k;
        const line = page.lines[index]!;
        const key = runningLineKey(line.text);
        if (key === '') continue;
        const offset =
          line.y === undefined
            ? undefined
            : fromTop
              ? line.y
              : page.height === undefined
                ? undefined
                : page.height - line.y;
        const list = byKey.get(key) ?? [];
        list.push({ page: p, index, offset, text: line.text });
        byKey.set(key, list);
      }
    });
    // For each key, the occurrences at its usual height, if it recurs on enough pages.
    const result = new Map<string, Set<string>>();
    for (const [key, list] of byKey) {
      const known = list.filter((o) => o.offset !== undefined).map((o) => o.offset!);
      let kept = list;
      if (known.length === list.length && known.length > 0) {
        // Keep the occurrences at the height most pages share (a header sits at a fixed height).
        const near = (a: Occurrence, b: Occurrence) =>
          Math.abs(a.offset! - b.offset!) <= Math.max(3, 0.012 * (pages[a.page]?.height ?? 800));
        let best: Occurrence[] = [];
        for (const o of list) {
          const around = list.filter((other) => near(o, other));
          if (new Set(around.map((a) => a.page)).size > new Set(best.map((a) => a.page)).size) {
            best = around;
          }
        }
        kept = best;
      }
      const pagesWithIt = new Set(kept.map((o) => o.page));
      if (pagesWithIt.size >= minPages && numbersFollowPages(kept)) {
        result.set(key, new Set(kept.map((o) => `${o.page}:${o.index}`)));
      }
    }
    return result;
  };

  const top = repeated(true);
  const bottom = repeated(false);
  const step = usualStep(pages);
  pages.forEach((page, p) => {
    const n = page.lines.length;
    const walk = (fromTop: boolean, running: Map<string, Set<string>>) => {
      const usedKeys = new Set<string>();
      const candidate = (index: number, key: string) => {
        const line = page.lines[index]!;
        const furniture = isFurnitureLine(line.text, p > 0);
        const repeat = !usedKeys.has(key) && running.get(key)?.has(`${p}:${index}`) === true;
        return { furniture, repeat, line };
      };
      for (let k = 0; k < Math.min(edge, n); k++) {
        const index = fromTop ? k : n - 1 - k;
        if (removed[p]![index]) continue;
        const key = runningLineKey(page.lines[index]!.text);
        const { furniture, repeat, line } = candidate(index, key);
        if (!furniture && !repeat) break;
        if (!furniture && step !== undefined && line.y !== undefined) {
          // A repeated line is a header or footer only if set apart from the body text: a
          // wide gap to the next line inward, or that line is a running line as well.
          const inward = fromTop ? index + 1 : index - 1;
          const next = page.lines[inward];
          if (next?.y !== undefined && Math.abs(next.y - line.y) < ISOLATION * step) {
            const nextKey = runningLineKey(next.text);
            const further = inward >= 0 && inward < n ? candidate(inward, nextKey) : undefined;
            if (further === undefined || (!further.furniture && !further.repeat)) break;
          }
        }
        removed[p]![index] = true;
        usedKeys.add(key);
      }
    };
    walk(true, top);
    walk(false, bottom);
  });
  return removed;
}

/** The pages without their running lines. */
export function removeRunningLines<T extends PageLine>(
  pages: readonly Page<T>[],
  options?: RunningLineOptions,
): T[][] {
  const removed = findRunningLines(pages, options);
  return pages.map((page, p) => page.lines.filter((_, i) => !removed[p]![i]));
}
