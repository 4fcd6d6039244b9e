/**
 * @module UN document symbols (`NPT/CONF.2015/PC.II/WP.13`, `A/RES/55/100`, `S/RES/1540 (2004)`,
 * `GC(57)/RES/13`, `INFCIRC/153 (Corrected)`, ...) as structured, immutable values. A symbol is
 * the identity of a work in Pillars: `base` names the work, and the revision suffixes (Rev.1,
 * Corr.1, ...) name one of its expressions.
 *
 * Parsing lives in `parse-symbol.ts`, formatting in `format-symbol.ts`, and the search for
 * symbols in running text in `find-symbols.ts`; this module holds the types they share.
 */

export const SYMBOL_BODIES = ['NPT', 'A', 'S', 'GOV', 'GC', 'INFCIRC', 'CD', 'CTBT'] as const;
/** The issuing body, from the symbol's first element (IAEA: GOV = Board, GC = General Conference). */
export type SymbolBody = (typeof SYMBOL_BODIES)[number];

export const REVISION_KINDS = ['Rev', 'Corr', 'Add', 'Amend', 'Mod'] as const;
export type RevisionKind = (typeof REVISION_KINDS)[number];

export interface Revision {
  readonly kind: RevisionKind;
  readonly number: number;
}

/** The parts of a symbol. `formatSymbol` builds the canonical text from these alone. */
export interface SymbolFields {
  readonly body: SymbolBody;
  /** NPT: the Review Conference year (`NPT/CONF.2015/...` → 2015). */
  readonly conference?: number;
  /** NPT: the Preparatory Committee session (`PC.III` → 3). */
  readonly prepCom?: 1 | 2 | 3;
  /** NPT: the Main Committee of a Review Conference (`MC.II` → 2). */
  readonly mainCommittee?: 1 | 2 | 3;
  /** NPT: a subsidiary body of a Main Committee (`MC.I/SB.1` → 1). */
  readonly subsidiaryBody?: number;
  /**
   * The subsidiary organ between the body and the session, as printed: `C.1`…`C.6` for the GA
   * Main Committees, also `HRC`, `AC.291`, `CONF.229` or `CONF.192/PC` (A), `NTB` (CD), and for
   * the CTBT `MSS`, `PC`, `WGA`, `WGB`, `PTS` or `Art.XIV`.
   */
  readonly committee?: string;
  /** GA session (`A/65/...`), IAEA General Conference session (`GC(57)`), CTBT `PC-50`. */
  readonly session?: number;
  /** A special (`A/RES/S-10/2`), emergency special (`A/ES-10/...`) or IAEA special (`GC(SPL.2)`) session. */
  readonly specialSession?: 'S' | 'ES' | 'SPL';
  /** The year in `S/2006/815`, `S/RES/1540 (2004)`, `GOV/2013/27`, `A/CONF.229/2017/8`, `RES/DEC(2016)`. */
  readonly year?: number;
  /** `main` for a plainly numbered document; otherwise `WP`, `L`, `SR`, `PV`, `RES`, `INF`, `CRP`, `DEC`, `R`, `PRST`, `RES/DEC`. */
  readonly series: string;
  /** The document number as printed, or null when the series has none (`GC(60)/RES/DEC(2016)`). */
  readonly number: string | null;
  /** Rev., Corr., Add., Amend. and Mod. suffixes, in the order printed. */
  readonly revisions: readonly Revision[];
  /** `(Vol. I)` → `I`. */
  readonly volume?: string;
  /** `(Part I)` → `I`, `(Parts I and II)` → `I and II`, INFCIRC `/Part 1` → `1`. */
  readonly part?: string;
  /** A resumed meeting record: `S/PV.6335 (Resumption 1)` → 1. */
  readonly resumption?: number;
  /** `INFCIRC/153 (Corrected)`; present only when true. */
  readonly corrected?: boolean;
  /** A trailing `*`: reissued (usually "for technical reasons"); present only when true. */
  readonly reissued?: boolean;
}

export interface UnSymbol extends SymbolFields {
  /** The official spelling: `NPT/CONF.2015/PC.II/WP.13`, `S/RES/1540 (2004)`. */
  readonly canonical: string;
  /** The canonical symbol of the work: without revision suffixes, `(Corrected)` or `*`. */
  readonly base: string;
}

export interface SymbolError {
  readonly message: string;
  /** 0-based index in the input where parsing failed. */
  readonly position: number;
}

export type SymbolParse =
  | { readonly ok: true; readonly symbol: UnSymbol }
  | { readonly ok: false; readonly error: SymbolError };

/**
 * The expression label of a symbol: `""`, `"Rev.1"`, `"Corr.1"`, `"Rev.1/Corr.2"`. A corrected
 * reissue (`INFCIRC/153 (Corrected)`) is labelled `Corrected`, so that it is not confused with
 * the text it replaced.
 */
export function revisionLabel(symbol: Pick<SymbolFields, 'revisions' | 'corrected'>): string {
  const labels = symbol.revisions.map((r) => `${r.kind}.${r.number}`);
  if (symbol.corrected) labels.push('Corrected');
  return labels.join('/');
}

export { parseSymbol } from './parse-symbol.js';
export { formatSymbol } from './format-symbol.js';
export { findSymbols, type FoundSymbol } from './find-symbols.js';
