/**
 * @module Finds the States a text names, in any of the six languages: short and formal names and
 * the recorded variants, matched case- and accent-insensitively, longest first, on word
 * boundaries (except in Chinese, which has none). Built once from the States into one trie per
 * language, so a 100-name vote list is read in one pass.
 */
import type { AlignLang } from '../domain/alignment.js';
import { LANGUAGES, type Lang } from '../domain/languages.js';
import type { State } from '../domain/model.js';
import { displayName } from '../domain/model.js';
import { allNames } from '../states/state-names.js';
import type { MentionFinder } from './anchors.js';

/**
 * What the matcher knows of a UTF-16 unit, filled in lazily: −2 not looked at yet, −1 skipped
 * (Arabic tatweel and harakat, invisible characters), else the folded unit shifted left by one,
 * with bit 0 set when it is part of a word of a spaced script (a name must not start or end
 * inside such a word). One table read per character keeps a vote list well under 0.1 ms.
 */
const INFO = new Int32Array(0x10000).fill(-2);

const ARABIC_LETTERS: Readonly<Record<number, number>> = {
  0x622: 0x627, // آ → ا
  0x623: 0x627, // أ → ا
  0x625: 0x627, // إ → ا
  0x671: 0x627, // ٱ → ا
  0x624: 0x648, // ؤ → و
  0x626: 0x64a, // ئ → ي
  0x629: 0x647, // ة → ه
  0x649: 0x64a, // ى → ي
  0x6cc: 0x64a, // ی → ي
  0x6a9: 0x643, // ک → ك
};
const MARK = /\p{M}/u;
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
/** Scripts written without spaces between words: a name may start or end anywhere in them. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const SPACE = 0x20 << 1;

function computeFold(code: number): number {
  if ((code >= 0x64b && code <= 0x65f) || code === 0x670 || code === 0x640) return -1;
  if (code === 0xad || code === 0x200b || code === 0x200c || code === 0x200d) return -1;
  if (code === 0x2060 || code === 0xfeff || code === 0x200e || code === 0x200f) return -1;
  const arabic = ARABIC_LETTERS[code];
  if (arabic !== undefined) return arabic;
  if (code >= 0xd800 && code <= 0xdfff) return code;
  const ch = String.fromCharCode(code);
  if (/\s/.test(ch)) return 0x20;
  if (code === 0x2019 || code === 0x2018 || code === 0x2bc || code === 0x60 || code === 0xb4)
    return 0x27;
  if ((code >= 0x2010 && code <= 0x2015) || code === 0x2212) return 0x2d;
  if (code === 0x451 || code === 0x401) return 0x435; // ё, Ё → е
  const lower = ch.toLowerCase();
  const base = lower.normalize('NFD');
  // Keep the base letter when the rest is accents: é → e, й → и, أ → ا (already mapped above).
  if (base.length > 1 && [...base.slice(1)].every((c) => MARK.test(c))) return base.charCodeAt(0);
  return lower.length === 1 ? lower.charCodeAt(0) : code;
}

function computeInfo(code: number): number {
  const folded = computeFold(code);
  if (folded < 0) return -1;
  const ch = String.fromCharCode(folded);
  const word = WORD_CHAR.test(ch) && !UNSPACED.test(ch) ? 1 : 0;
  return (folded << 1) | word;
}

function infoOf(code: number): number {
  let info = INFO[code]!;
  if (info === -2) {
    info = computeInfo(code);
    INFO[code] = info;
  }
  return info;
}

/** The info of the unit at or after `i`, skipping ignorables; a space past the end. */
function nextInfo(text: string, i: number): number {
  for (let j = i; j < text.length; j++) {
    const info = infoOf(text.charCodeAt(j));
    if (info >= 0) return info;
  }
  return SPACE;
}

/** Articles a name may carry in the data ("the People's Republic of China") but not in a list. */
const LEADING_ARTICLE = /^(?:the|la|le|les|l'|el|los|las)\s*/iu;

/** A trie over folded UTF-16 units; node 0 is the root. */
class NameTrie {
  private readonly children: Map<number, number>[] = [new Map<number, number>()];
  /** Index into `ids` of the State a node ends, −1 for none, −2 when two States share the name. */
  private readonly terminal: number[] = [-1];
  private readonly priority: number[] = [Infinity];
  /** 1 for the folded units a name starts with: most positions are rejected without a lookup. */
  private readonly first = new Uint8Array(0x10000);
  /**
   * Nodes with exactly one child (most of a name's tail) keep it here, so that walking a name
   * reads two arrays instead of a Map: the unit, or −1, and the child.
   */
  private onlyCode = new Int32Array(0);
  private onlyChild = new Int32Array(0);

  add(name: string, state: number, priority: number): void {
    let node = 0;
    let previous = -1;
    for (let i = 0; i < name.length; i++) {
      const info = infoOf(name.charCodeAt(i));
      if (info < 0 || (info === SPACE && previous === SPACE)) continue;
      previous = info;
      const code = info >> 1;
      if (node === 0) this.first[code] = 1;
      const map = this.children[node]!;
      let child = map.get(code);
      if (child === undefined) {
        child = this.children.length;
        this.children.push(new Map<number, number>());
        this.terminal.push(-1);
        this.priority.push(Infinity);
        map.set(code, child);
      }
      node = child;
    }
    if (node === 0) return;
    // A short name beats a formal one beats a variant; two States with the same name at the
    // same rank make it ambiguous, and an ambiguous name names nobody.
    if (priority < this.priority[node]!) {
      this.priority[node] = priority;
      this.terminal[node] = state;
    } else if (priority === this.priority[node] && this.terminal[node] !== state) {
      this.terminal[node] = -2;
    }
  }

  /** Call once every name is in. */
  freeze(): void {
    const count = this.children.length;
    this.onlyCode = new Int32Array(count).fill(-1);
    this.onlyChild = new Int32Array(count);
    this.children.forEach((map, node) => {
      if (map.size !== 1) return;
      const [code, child] = map.entries().next().value!;
      this.onlyCode[node] = code;
      this.onlyChild[node] = child;
    });
  }

  /**
   * State indexes named in `text`, scanning left to right and taking the longest name at each
   * position where a name may start. `arabicAnd` also tries a name right after a leading و.
   */
  find(text: string, arabicAnd: boolean, out: number[]): void {
    const first = this.first;
    const length = text.length;
    let previousWord = false;
    let i = 0;
    while (i < length) {
      const info = infoOf(text.charCodeAt(i));
      if (info < 0) {
        i++;
        continue;
      }
      const word = (info & 1) === 1;
      const atBoundary = !(previousWord && word);
      let end = -1;
      if (atBoundary) {
        const code = info >> 1;
        if (first[code] === 1) end = this.longest(text, i, out);
        if (end < 0 && arabicAnd && code === 0x648 && i + 1 < length)
          end = this.longest(text, i + 1, out);
      }
      if (end > 0) {
        previousWord = (infoOf(text.charCodeAt(end - 1)) & 1) === 1;
        i = end;
      } else {
        previousWord = word;
        i++;
      }
    }
  }

  /** Longest name starting at `start` and ending on a boundary: pushes its State, returns its end or −1. */
  private longest(text: string, start: number, out: number[]): number {
    const onlyCode = this.onlyCode;
    let node = 0;
    let previous = -1;
    let bestEnd = -1;
    let bestState = -1;
    for (let j = start; j < text.length; j++) {
      const info = infoOf(text.charCodeAt(j));
      if (info < 0 || (info === SPACE && previous === SPACE)) continue;
      const code = info >> 1;
      const only = onlyCode[node]!;
      let child: number | undefined;
      if (only >= 0) child = only === code ? this.onlyChild[node] : undefined;
      else child = this.children[node]!.get(code);
      if (child === undefined) break;
      node = child;
      previous = info;
      const state = this.terminal[node]!;
      if (state === -1) continue;
      if ((info & 1) === 0 || (nextInfo(text, j + 1) & 1) === 0) {
        bestEnd = j + 1;
        bestState = state;
      }
    }
    if (bestEnd < 0) return -1;
    if (bestState >= 0) out.push(bestState);
    return bestEnd;
  }
}

const TRAILING_QUALIFIER = /\s*\([^()]*\)\s*$/u;

/**
 * The names of a State to look for in one language, with their rank: short 0, formal 1,
 * variant 2, and 3 for a name cut short of its qualifier ("Bolivie (État plurinational de)" →
 * "Bolivie"), which older documents print and the data does not always list.
 */
function namesIn(state: State, lang: Lang): { name: string; priority: number }[] {
  const names = allNames(state)
    .filter((n) => n.lang === lang)
    .map((n, i) => ({ name: displayName(n.name), priority: i < 2 ? i : 2 }));
  const withoutArticle = names.map((n) => ({ ...n, name: n.name.replace(LEADING_ARTICLE, '') }));
  const withoutQualifier = names.map((n) => ({
    name: n.name.replace(TRAILING_QUALIFIER, ''),
    priority: 3,
  }));
  return [...names, ...withoutArticle, ...withoutQualifier].filter((n) => n.name !== '');
}

/**
 * Builds the finder once; the returned function is pure and fast (one trie walk per text). For
 * `und` it looks for the names of every language. Russian and Arabic names are matched as
 * listed (nominative, with the article): inflected forms are not found.
 */
export function stateMentions(states: readonly State[]): MentionFinder {
  const ids = states.map((s) => s.id);
  const tries = new Map<AlignLang, NameTrie>();
  const all = new NameTrie();
  for (const lang of LANGUAGES) {
    const trie = new NameTrie();
    states.forEach((state, index) => {
      for (const { name, priority } of namesIn(state, lang)) {
        trie.add(name, index, priority);
        all.add(name, index, priority);
      }
    });
    trie.freeze();
    tries.set(lang, trie);
  }
  all.freeze();
  tries.set('und', all);
  return (text, lang) => {
    const found: number[] = [];
    tries.get(lang)!.find(text, lang === 'ar' || lang === 'und', found);
    return found.map((i) => ids[i]!);
  };
}
