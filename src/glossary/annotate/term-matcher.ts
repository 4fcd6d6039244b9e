/**
 * @module The glossary annotator: glossary terms found in a text, pure and without I/O.
 *
 * One Aho–Corasick automaton is built once over the folded forms (term-fold.ts) of every term of
 * every language and of their inflected and plural forms (term-variants.ts). `find` folds the text
 * on the fly, one UTF-16 unit at a time through a precomputed table (code unit → character class
 * of the automaton, or skip), so the offsets it reports are offsets into the original text.
 *
 * Layout, for speed: the root's transitions are one dense row over the character classes; every
 * other state's are a sorted run in a CSR array (linear search up to 8 children, binary above);
 * failure links and dictionary-suffix links are precomputed, and each state knows which languages
 * its outputs (and those of its suffixes) belong to, so a French text never stops at a state that
 * only ends Russian terms. The original offset of each folded character is kept in a ring buffer
 * as long as the longest pattern, so a hit's start costs one read. Nothing is allocated per
 * character; conditions are checked only on hits:
 * - word boundaries: a term that starts (ends) with a letter or digit of an alphabetic script
 *   must not have one before (after) it — combining marks, tatweel and invisible characters are
 *   looked through. Han has no boundaries, and Han next to Latin is a boundary ("IAEA的");
 * - Arabic: the proclitics و ف ب ل ك (and وب ول وك فب فل فك) may come before a term's first word
 *   ("لمعاهدة", "والمعاهدة", "وبالجلسة"); the match starts after them;
 * - case: the capitals of an abbreviation ("NPT", the "UPE" and "OIEA" of "Banco de UPE del OIEA")
 *   must be capitals in the text; everything else is compared folded.
 *
 * Results are leftmost-longest and non-overlapping. When several terms cover the same span, the
 * one of the requested language wins over an abbreviation of another, the term as written over an
 * inflected form, preferred over admitted over deprecated, then glossary order.
 *
 * Languages: `find(text, { lang })` matches the terms of that language, and — unless
 * `foreignAbbreviations: false` — the Latin-script abbreviations of the other languages (written
 * in capitals, so matched case-sensitively): UN texts in every language quote "IAEA", "NPT",
 * "CTBTO", and they name the same concept. Such a match carries the term's own language.
 */
import type { Concept, TermMatch, TermStatus } from '../../domain/glossary.js';
import { LANGUAGES, type Lang } from '../../domain/language-codes.js';
import { CharKind, FOLD_EXPAND, FOLD_SKIP, foldTables, foldText, kindAt } from './term-fold.js';
import { isCapitalsWord, termVariants } from './term-variants.js';

export interface FindOptions {
  /** Match the terms of this language (and of `langs`); all languages when neither is given. */
  readonly lang?: Lang;
  readonly langs?: readonly Lang[];
  /** Also match the Latin-script abbreviations of other languages; default true. */
  readonly foreignAbbreviations?: boolean;
}

export interface MatcherOptions {
  /** At most this many written forms per term (the term included); default 160. */
  readonly maxVariantsPerTerm?: number;
}

export interface MatcherStats {
  readonly concepts: number;
  /** Glossary terms (all languages). */
  readonly terms: number;
  /** Distinct folded patterns in the automaton (terms and their forms). */
  readonly patterns: number;
  /** Pattern entries (a pattern shared by two terms counts twice). */
  readonly entries: number;
  readonly states: number;
  /** Character classes (distinct folded characters of the patterns, plus "other"). */
  readonly classes: number;
  /** Bytes held by the automaton's typed arrays. */
  readonly bytes: number;
}

export interface TermMatcher {
  /** Leftmost-longest, non-overlapping matches, in text order. */
  find(text: string, options?: FindOptions): TermMatch[];
  /** The concepts found in a text, each with its matches (for the consistency check). */
  findConcepts(text: string, options?: FindOptions): Map<string, TermMatch[]>;
  readonly stats: MatcherStats;
}

/** The matcher's size, for benchmarks and logs. */
export function matcherStats(matcher: TermMatcher): MatcherStats {
  return matcher.stats;
}

const STATUS_ORDER: Readonly<Record<TermStatus, number>> = {
  preferred: 0,
  admitted: 1,
  deprecated: 2,
};

// Entry flags.
const NEED_START = 1;
const NEED_END = 2;
const PROCLITIC = 4;
const CASED = 8;
/** The language bit of "a foreign abbreviation may match". */
const FOREIGN_BIT = 1 << LANGUAGES.length;
const ALL_LANGS = (1 << LANGUAGES.length) - 1;
/** Priority penalty of a foreign abbreviation against a term of the requested language. */
const FOREIGN_PENALTY = 1 << 24;

/** Class of a code unit that is skipped / that expands to several folded characters. */
const CLS_SKIP = 0xffff;
const CLS_EXPAND = 0xfffe;
/** Class 0: a character no pattern contains. Class 1: the space. */
const CLS_SPACE = 1;

const ARABIC_PROCLITICS = new Set(['و', 'ف', 'ب', 'ل', 'ك', 'وب', 'ول', 'وك', 'فب', 'فل', 'فك']);

interface Entry {
  readonly folded: string;
  readonly concept: number;
  readonly lang: number;
  readonly status: TermStatus;
  readonly term: string;
  readonly rank: number;
  readonly flags: number;
  readonly foreign: boolean;
  /** Positions (in the folded pattern) of letters that must be capitals in the text. */
  readonly capitals: readonly number[];
}

const LANG_INDEX = new Map<Lang, number>(LANGUAGES.map((l, i) => [l, i]));

/** Positions, in `foldText(form)`, of the letters of capitals words ("NPT", "UPE"). */
function capitalPositions(form: string, folded: string): number[] {
  const positions: number[] = [];
  // Fold word by word: capitals words are ASCII/Cyrillic letters whose fold is one unit each.
  const words = form.split(/(?=[^\p{L}\p{N}])|(?<=[^\p{L}\p{N}])/u);
  let offset = 0;
  for (const word of words) {
    const f = foldText(word);
    const at = folded.indexOf(f, offset);
    if (f === '' || at < 0) continue;
    if (/\p{L}/u.test(word) && isCapitalsWord(word)) {
      let p = at;
      for (const ch of word) {
        const fc = foldText(ch);
        if (/\p{Lu}/u.test(ch)) positions.push(p);
        p += fc.length;
      }
    }
    offset = at + f.length;
  }
  return positions;
}

function firstKind(s: string): number {
  return s.length === 0 ? CharKind.Other : kindAt(s, 0);
}

function lastKind(s: string): number {
  return s.length === 0 ? CharKind.Other : kindAt(s, s.length - 1);
}

function entriesOf(concepts: readonly Concept[], options: MatcherOptions): Entry[] {
  const entries: Entry[] = [];
  for (const [ci, concept] of concepts.entries()) {
    for (const lang of LANGUAGES) {
      const section = concept.languages[lang];
      if (!section) continue;
      const langIndex = LANG_INDEX.get(lang)!;
      for (const term of section.terms) {
        const forms = termVariants(term.text, lang, {
          type: term.type,
          partOfSpeech: term.partOfSpeech,
          ...(options.maxVariantsPerTerm !== undefined ? { max: options.maxVariantsPerTerm } : {}),
        });
        const seen = new Set<string>();
        for (const [rank, form] of forms.entries()) {
          const folded = foldText(form);
          if (folded === '' || seen.has(folded)) continue;
          seen.add(folded);
          const capitals = capitalPositions(form, folded);
          let flags = 0;
          if (firstKind(folded) === CharKind.Word) flags |= NEED_START;
          if (lastKind(folded) === CharKind.Word) flags |= NEED_END;
          if (lang === 'ar') flags |= PROCLITIC;
          if (capitals.length > 0) flags |= CASED;
          const letters = [...folded].filter((c) => /\p{L}/u.test(c)).length;
          const foreign =
            capitals.length > 0 &&
            capitals.length >= letters - (folded.endsWith('s') ? 1 : 0) &&
            /^[\p{Script=Latin}\p{N}\s./&-]+$/u.test(form);
          entries.push({
            folded,
            concept: ci,
            lang: langIndex,
            status: term.status,
            term: term.text,
            rank: rank === 0 ? 0 : 1,
            flags,
            foreign,
            capitals,
          });
        }
      }
    }
  }
  return entries;
}

/** Builds the matcher once for a list of concepts; `find` is then cheap and allocation-free. */
export function buildTermMatcher(
  concepts: readonly Concept[],
  options: MatcherOptions = {},
): TermMatcher {
  return new AutomatonMatcher(concepts, entriesOf(concepts, options));
}

class AutomatonMatcher implements TermMatcher {
  readonly stats: MatcherStats;
  private readonly conceptIds: readonly string[];
  /** Code unit → class, CLS_SKIP or CLS_EXPAND. */
  private readonly classOf: Uint16Array;
  private readonly expansionClasses: ReadonlyMap<number, Uint16Array>;
  private readonly nClasses: number;
  private readonly root: Int32Array;
  private readonly edgeStart: Int32Array;
  private readonly edgeLabel: Uint16Array;
  private readonly edgeTarget: Int32Array;
  private readonly fail: Int32Array;
  private readonly depth: Int32Array;
  /** Nearest state on the failure chain (this one included) that ends patterns, or -1. */
  private readonly outState: Int32Array;
  /** Next state after this one on the failure chain that ends patterns, or -1. */
  private readonly dictLink: Int32Array;
  /** Languages (bits) of the entries this state and its suffixes end; FOREIGN_BIT included. */
  private readonly reachLangs: Int32Array;
  /** Languages of the entries this state itself ends. */
  private readonly ownLangs: Int32Array;
  /** Entries of a state: entryIds[entryStart[s] .. entryStart[s + 1]). */
  private readonly entryStart: Int32Array;
  private readonly entryIds: Int32Array;
  private readonly entries: readonly Entry[];
  private readonly entryLangBit: Int32Array;
  private readonly entryFlags: Int32Array;
  private readonly entryPriority: Int32Array;
  private readonly ringMask: number;
  private readonly ring: Int32Array;
  private candidates: Int32Array = new Int32Array(64 * 4);

  constructor(concepts: readonly Concept[], entries: Entry[]) {
    this.conceptIds = concepts.map((c) => c.id);
    this.entries = entries;

    // Character classes: 0 other, 1 space, then the folded characters of the patterns.
    const classIndex = new Map<number, number>([[0x20, CLS_SPACE]]);
    for (const e of entries) {
      for (let i = 0; i < e.folded.length; i++) {
        const c = e.folded.charCodeAt(i);
        if (!classIndex.has(c)) classIndex.set(c, classIndex.size + 1);
      }
    }
    const nClasses = classIndex.size + 1;
    this.nClasses = nClasses;
    const { fold, expansions } = foldTables();
    const classOf = new Uint16Array(0x10000);
    for (let u = 0; u < 0x10000; u++) {
      const f = fold[u]!;
      classOf[u] =
        f === FOLD_SKIP ? CLS_SKIP : f === FOLD_EXPAND ? CLS_EXPAND : (classIndex.get(f) ?? 0);
    }
    const expansionClasses = new Map<number, Uint16Array>();
    for (const [u, s] of expansions) {
      const units = new Uint16Array(s.length);
      for (let i = 0; i < s.length; i++) units[i] = classIndex.get(s.charCodeAt(i)) ?? 0;
      expansionClasses.set(u, units);
    }
    this.classOf = classOf;
    this.expansionClasses = expansionClasses;

    // The trie, with a hash map of edges while building.
    const edges = new Map<number, number>();
    const parent: number[] = [0];
    const label: number[] = [0];
    const patternState = new Map<string, number>();
    const stateOfEntry = new Int32Array(entries.length);
    let maxLen = 1;
    for (const [id, e] of entries.entries()) {
      let s = patternState.get(e.folded);
      if (s === undefined) {
        s = 0;
        for (let i = 0; i < e.folded.length; i++) {
          const cls = classIndex.get(e.folded.charCodeAt(i))!;
          const key = s * nClasses + cls;
          let t = edges.get(key);
          if (t === undefined) {
            t = parent.length;
            parent.push(s);
            label.push(cls);
            edges.set(key, t);
          }
          s = t;
        }
        patternState.set(e.folded, s);
        maxLen = Math.max(maxLen, e.folded.length);
      }
      stateOfEntry[id] = s;
    }
    const nStates = parent.length;

    // CSR edges, sorted by label within a state.
    const edgeStart = new Int32Array(nStates + 1);
    for (let s = 1; s < nStates; s++) edgeStart[parent[s]! + 1]!++;
    for (let s = 0; s < nStates; s++) edgeStart[s + 1]! += edgeStart[s]!;
    const fill = edgeStart.slice(0, nStates);
    const edgeLabel = new Uint16Array(nStates);
    const edgeTarget = new Int32Array(nStates);
    const order = Array.from({ length: nStates - 1 }, (_, i) => i + 1).sort(
      (a, b) => parent[a]! - parent[b]! || label[a]! - label[b]!,
    );
    for (const s of order) {
      const at = fill[parent[s]!]!++;
      edgeLabel[at] = label[s]!;
      edgeTarget[at] = s;
    }
    const root = new Int32Array(nClasses);
    for (let e = edgeStart[0]!; e < edgeStart[1]!; e++) root[edgeLabel[e]!] = edgeTarget[e]!;
    this.root = root;
    this.edgeStart = edgeStart;
    this.edgeLabel = edgeLabel;
    this.edgeTarget = edgeTarget;

    // Entries per state.
    const entryStart = new Int32Array(nStates + 1);
    for (let id = 0; id < entries.length; id++) entryStart[stateOfEntry[id]! + 1]!++;
    for (let s = 0; s < nStates; s++) entryStart[s + 1]! += entryStart[s]!;
    const entryFill = entryStart.slice(0, nStates);
    const entryIds = new Int32Array(entries.length);
    for (let id = 0; id < entries.length; id++) entryIds[entryFill[stateOfEntry[id]!]!++] = id;
    this.entryStart = entryStart;
    this.entryIds = entryIds;
    const entryLangBit = new Int32Array(entries.length);
    const entryFlags = new Int32Array(entries.length);
    const entryPriority = new Int32Array(entries.length);
    const ownLangs = new Int32Array(nStates);
    for (const [id, e] of entries.entries()) {
      entryLangBit[id] = 1 << e.lang;
      entryFlags[id] = e.flags;
      entryPriority[id] =
        (e.rank * 4 + STATUS_ORDER[e.status]) * 65536 + Math.min(e.concept, 65535);
      ownLangs[stateOfEntry[id]!]! |= (1 << e.lang) | (e.foreign ? FOREIGN_BIT : 0);
    }
    this.entryLangBit = entryLangBit;
    this.entryFlags = entryFlags;
    this.entryPriority = entryPriority;
    this.ownLangs = ownLangs;

    // Failure links, breadth first.
    const fail = new Int32Array(nStates);
    const depth = new Int32Array(nStates);
    const outState = new Int32Array(nStates).fill(-1);
    const dictLink = new Int32Array(nStates).fill(-1);
    const reachLangs = new Int32Array(nStates);
    const queue = new Int32Array(nStates);
    let head = 0;
    let tail = 0;
    queue[tail++] = 0;
    while (head < tail) {
      const u = queue[head++]!;
      for (let e = edgeStart[u]!; e < edgeStart[u + 1]!; e++) {
        const v = edgeTarget[e]!;
        const c = edgeLabel[e]!;
        depth[v] = depth[u]! + 1;
        let f = 0;
        if (u !== 0) {
          let w = fail[u]!;
          for (;;) {
            const t = this.child(w, c);
            if (t > 0) {
              f = t;
              break;
            }
            if (w === 0) break;
            w = fail[w]!;
          }
        }
        fail[v] = f;
        dictLink[v] = outState[f]!;
        outState[v] = ownLangs[v] !== 0 ? v : dictLink[v];
        reachLangs[v] = ownLangs[v]! | reachLangs[f]!;
        queue[tail++] = v;
      }
    }
    this.fail = fail;
    this.depth = depth;
    this.outState = outState;
    this.dictLink = dictLink;
    this.reachLangs = reachLangs;

    let size = 1;
    while (size <= maxLen) size <<= 1;
    this.ring = new Int32Array(size);
    this.ringMask = size - 1;

    const bytes =
      classOf.byteLength +
      root.byteLength +
      edgeStart.byteLength +
      edgeLabel.byteLength +
      edgeTarget.byteLength +
      entryStart.byteLength +
      entryIds.byteLength +
      (fail.byteLength + depth.byteLength + outState.byteLength) +
      (dictLink.byteLength + reachLangs.byteLength + ownLangs.byteLength) +
      (entryLangBit.byteLength + entryFlags.byteLength + entryPriority.byteLength);
    this.stats = {
      concepts: concepts.length,
      terms: concepts.reduce(
        (n, c) => n + Object.values(c.languages).reduce((m, s) => m + (s?.terms.length ?? 0), 0),
        0,
      ),
      patterns: patternState.size,
      entries: entries.length,
      states: nStates,
      classes: nClasses,
      bytes,
    };
  }

  /** The child of `s` on class `c`, or 0. */
  private child(s: number, c: number): number {
    if (s === 0) return this.root[c]!;
    let lo = this.edgeStart[s]!;
    let hi = this.edgeStart[s + 1]!;
    const labels = this.edgeLabel;
    if (hi - lo <= 8) {
      for (; lo < hi; lo++) {
        const l = labels[lo]!;
        if (l === c) return this.edgeTarget[lo]!;
        if (l > c) return 0;
      }
      return 0;
    }
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const l = labels[mid]!;
      if (l === c) return this.edgeTarget[mid]!;
      if (l < c) lo = mid + 1;
      else hi = mid;
    }
    return 0;
  }

  find(text: string, options: FindOptions = {}): TermMatch[] {
    let langMask = 0;
    if (options.lang !== undefined) langMask |= 1 << LANG_INDEX.get(options.lang)!;
    for (const l of options.langs ?? []) langMask |= 1 << LANG_INDEX.get(l)!;
    if (langMask === 0) langMask = ALL_LANGS;
    const accept = langMask | (options.foreignAbbreviations === false ? 0 : FOREIGN_BIT);

    const classOf = this.classOf;
    const root = this.root;
    const edgeStart = this.edgeStart;
    const edgeLabel = this.edgeLabel;
    const edgeTarget = this.edgeTarget;
    const fail = this.fail;
    const reachLangs = this.reachLangs;
    const ring = this.ring;
    const mask = this.ringMask;
    let count = 0;
    let s = 0;
    let k = 0;
    let prevSpace = true;
    const n = text.length;
    for (let i = 0; i < n; i++) {
      let cls = classOf[text.charCodeAt(i)]!;
      let expansion: Uint16Array | undefined;
      let next = 0;
      if (cls >= CLS_EXPAND) {
        if (cls === CLS_SKIP) continue;
        expansion = this.expansionClasses.get(text.charCodeAt(i))!;
        cls = expansion[0]!;
        next = 1;
      }
      for (;;) {
        if (cls === 0) {
          s = 0;
          prevSpace = false;
        } else if (cls !== CLS_SPACE || !prevSpace) {
          prevSpace = cls === CLS_SPACE;
          ring[++k & mask] = i;
          // Transition: follow failure links until a state has a child on `cls`.
          for (;;) {
            if (s === 0) {
              s = root[cls]!;
              break;
            }
            let lo = edgeStart[s]!;
            let hi = edgeStart[s + 1]!;
            let t = 0;
            if (hi - lo <= 8) {
              for (; lo < hi; lo++) {
                const l = edgeLabel[lo]!;
                if (l >= cls) {
                  if (l === cls) t = edgeTarget[lo]!;
                  break;
                }
              }
            } else {
              while (lo < hi) {
                const mid = (lo + hi) >>> 1;
                const l = edgeLabel[mid]!;
                if (l === cls) {
                  t = edgeTarget[mid]!;
                  break;
                }
                if (l < cls) lo = mid + 1;
                else hi = mid;
              }
            }
            if (t !== 0) {
              s = t;
              break;
            }
            s = fail[s]!;
          }
          if ((reachLangs[s]! & accept) !== 0)
            count = this.collect(text, s, k, i, langMask, accept, count);
        }
        if (expansion === undefined || next >= expansion.length) break;
        cls = expansion[next++]!;
      }
    }
    return count === 0 ? [] : this.select(count);
  }

  /** Checks the patterns ending at state `s` (folded index k, original index i); adds candidates. */
  private collect(
    text: string,
    s: number,
    k: number,
    i: number,
    langMask: number,
    accept: number,
    count: number,
  ): number {
    const { kind } = foldTables();
    const n = text.length;
    // The end: after the character, and the marks and tatweel that belong to it.
    let end = i + 1;
    while (end < n && kind[text.charCodeAt(end)] === CharKind.Attached) end++;
    let endKind = -1;
    for (let t = this.outState[s]!; t >= 0; t = this.dictLink[t]!) {
      if ((this.ownLangs[t]! & accept) === 0) continue;
      const length = this.depth[t]!;
      const start = this.ring[(k - length + 1) & this.ringMask]!;
      let startKind = -1;
      for (let x = this.entryStart[t]!; x < this.entryStart[t + 1]!; x++) {
        const id = this.entryIds[x]!;
        const own = (this.entryLangBit[id]! & langMask) !== 0;
        if (!own && !((accept & FOREIGN_BIT) !== 0 && this.entries[id]!.foreign)) continue;
        const flags = this.entryFlags[id]!;
        if ((flags & NEED_START) !== 0) {
          if (startKind < 0) startKind = this.kindBefore(text, start);
          if (startKind === CharKind.Word) {
            if ((flags & PROCLITIC) === 0 || !this.procliticBefore(text, start)) continue;
          }
        }
        if ((flags & NEED_END) !== 0) {
          if (endKind < 0) endKind = this.kindAfter(text, end);
          if (endKind === CharKind.Word) continue;
        }
        if ((flags & CASED) !== 0 && !this.capitalsHold(text, id, k - length + 1)) continue;
        if (count * 4 + 4 > this.candidates.length) {
          const grown = new Int32Array(this.candidates.length * 2);
          grown.set(this.candidates);
          this.candidates = grown;
        }
        const c = this.candidates;
        c[count * 4] = start;
        c[count * 4 + 1] = end;
        c[count * 4 + 2] = id;
        c[count * 4 + 3] = this.entryPriority[id]! + (own ? 0 : FOREIGN_PENALTY);
        count++;
      }
    }
    return count;
  }

  /** What precedes `index`, looking through invisible characters; a mark means a letter. */
  private kindBefore(text: string, index: number): number {
    const { kind } = foldTables();
    let j = index - 1;
    while (j >= 0 && kind[text.charCodeAt(j)] === CharKind.Ignorable) j--;
    if (j < 0) return CharKind.Other;
    const k = kind[text.charCodeAt(j)]!;
    if (k === CharKind.Attached) return CharKind.Word;
    return k === CharKind.Surrogate ? kindAt(text, j) : k;
  }

  /** What follows `index`, looking through invisible characters. */
  private kindAfter(text: string, index: number): number {
    const { kind } = foldTables();
    let j = index;
    while (j < text.length && kind[text.charCodeAt(j)] === CharKind.Ignorable) j++;
    if (j >= text.length) return CharKind.Other;
    const k = kind[text.charCodeAt(j)]!;
    if (k === CharKind.Attached) return CharKind.Word;
    return k === CharKind.Surrogate ? kindAt(text, j) : k;
  }

  /** One or two Arabic proclitic letters, alone, right before `index`. */
  private procliticBefore(text: string, index: number): boolean {
    const { kind, fold } = foldTables();
    let letters = '';
    let j = index - 1;
    for (; j >= 0; j--) {
      const code = text.charCodeAt(j);
      let k = kind[code]!;
      if (k === CharKind.Surrogate) {
        // A pair is read from its first half; a letter beyond the BMP is never a proclitic, a
        // mark there belongs to the letter before it, and Han (or anything else) ends the word.
        const pairStart = j > 0 && code >= 0xdc00 ? j - 1 : j;
        k = kindAt(text, pairStart);
        j = pairStart;
        if (k === CharKind.Word) return false;
      }
      if (k === CharKind.Ignorable || k === CharKind.Attached) continue;
      if (k !== CharKind.Word) break;
      if (letters.length === 2) return false;
      letters = String.fromCharCode(fold[code]!) + letters;
    }
    return ARABIC_PROCLITICS.has(letters);
  }

  /** The capitals of an abbreviation are capitals in the text (not lower-case letters). */
  private capitalsHold(text: string, id: number, firstFolded: number): boolean {
    const { lower } = foldTables();
    for (const p of this.entries[id]!.capitals) {
      const at = this.ring[(firstFolded + p) & this.ringMask]!;
      if (lower[text.charCodeAt(at)] === 1) return false;
    }
    return true;
  }

  /** Leftmost-longest, non-overlapping; the best entry for a span. */
  private select(count: number): TermMatch[] {
    const c = this.candidates;
    const order = Array.from({ length: count }, (_, x) => x).sort(
      (a, b) =>
        c[a * 4]! - c[b * 4]! ||
        c[b * 4 + 1]! - c[a * 4 + 1]! ||
        c[a * 4 + 3]! - c[b * 4 + 3]! ||
        c[a * 4 + 2]! - c[b * 4 + 2]!,
    );
    const out: TermMatch[] = [];
    let lastEnd = -1;
    for (const x of order) {
      const start = c[x * 4]!;
      if (start < lastEnd) continue;
      const end = c[x * 4 + 1]!;
      const e = this.entries[c[x * 4 + 2]!]!;
      out.push({
        start,
        end,
        conceptId: this.conceptIds[e.concept]!,
        lang: LANGUAGES[e.lang]!,
        status: e.status,
        term: e.term,
      });
      lastEnd = end;
    }
    return out;
  }

  findConcepts(text: string, options: FindOptions = {}): Map<string, TermMatch[]> {
    const byConcept = new Map<string, TermMatch[]>();
    for (const m of this.find(text, options)) {
      const list = byConcept.get(m.conceptId);
      if (list) list.push(m);
      else byConcept.set(m.conceptId, [m]);
    }
    return byConcept;
  }
}
