/**
 * @module Character-length model for the six languages, in the manner of Gale & Church (1993):
 * the length of a translation is roughly proportional to the length of its source, with a
 * variance that grows with the length. Lengths are turned into "English-equivalent characters"
 * so that any pair of languages shares one scale, and the cost of a pair of lengths is the
 * negative log of the two-sided tail probability of their normalised difference.
 */
import type { AlignLang } from '../domain/alignment.js';

export interface LanguageLength {
  /** Expected characters of this language per character of English. */
  readonly ratio: number;
  /** This language's share of the variance of a length difference, per English-equivalent character. */
  readonly variance: number;
}

/**
 * Calibrated on data/samples/un-ga-res-55-100 (GA resolution 55/100, 15 parallel lines per
 * language): `ratio` is the language's total characters over the English total (ar 0.894, zh
 * 0.335, fr 1.093, ru 1.042, es 1.077); `variance` is a least-squares split of the 15 pairwise
 * variances of (x_B − x_A)² / mean(x_A, x_B) into one term per language, rounded and kept
 * positive (the fit gave English a slightly negative share). Chinese is noisy in characters
 * (per-line ratios from 0.14 to 0.59: names of States are long in characters, prose is short),
 * hence its large variance. They are constants on purpose: the model must not move when the
 * sample does. `und` (language unknown) is neutral and loose.
 */
export const LENGTH_MODELS: Readonly<Record<AlignLang, LanguageLength>> = {
  ar: { ratio: 0.89, variance: 2.5 },
  zh: { ratio: 0.33, variance: 24 },
  en: { ratio: 1, variance: 0.5 },
  fr: { ratio: 1.09, variance: 2.3 },
  ru: { ratio: 1.04, variance: 0.8 },
  es: { ratio: 1.08, variance: 1.8 },
  und: { ratio: 1, variance: 8 },
};

/** The length model of one language pair (A → B). */
export interface PairLengthModel {
  /** Multiply a length of A by this to get English-equivalent characters. */
  readonly scaleA: number;
  /** Multiply a length of B by this to get English-equivalent characters. */
  readonly scaleB: number;
  /** Expected len(B) / len(A). */
  readonly ratio: number;
  /** Variance of the difference of English-equivalent lengths, per English-equivalent character. */
  readonly variance: number;
}

export function pairLengthModel(langA: AlignLang, langB: AlignLang): PairLengthModel {
  const a = LENGTH_MODELS[langA];
  const b = LENGTH_MODELS[langB];
  return {
    scaleA: 1 / a.ratio,
    scaleB: 1 / b.ratio,
    ratio: b.ratio / a.ratio,
    variance: a.variance + b.variance,
  };
}

/** Length of a unit for the model: UTF-16 code units, which is characters for every UN script. */
export function unitLength(text: string): number {
  return text.length;
}

/**
 * −log P(|Z| ≥ |δ|) for a standard normal Z, i.e. −log erfc(|δ|/√2), computed in log space so
 * that it keeps growing (≈ δ²/2) far in the tail instead of underflowing to Infinity. Uses the
 * Chebyshev fit of erfc(x)·exp(x²) (fractional error < 1.2e-7).
 */
export function normalTailCost(delta: number): number {
  const x = Math.abs(delta) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * x);
  const poly =
    -1.26551223 +
    t *
      (1.00002368 +
        t *
          (0.37409196 +
            t *
              (0.09678418 +
                t *
                  (-0.18628806 +
                    t *
                      (0.27886807 +
                        t *
                          (-1.13520398 +
                            t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  // erfc(x) = t·exp(−x² + poly)  ⇒  −log erfc(x) = x² − poly − log t
  return Math.max(0, x * x - poly - Math.log(t));
}

/**
 * Share of translation pairs whose lengths follow no model (a footnote printed inline in one
 * language only, a table, a list of names): the normal's tail is mixed with this much of a flat
 * distribution, so that one outlier costs at most −log ε instead of growing with δ² and
 * pushing the aligner to hide it inside a 2-2 link.
 */
export const LENGTH_OUTLIERS = 0.02;

/**
 * Cost of pairing English-equivalent lengths `x` and `y`: the normalised difference
 * δ = (y − x) / √(s²·mean), scored as −log((1 − ε)·P(|Z| ≥ |δ|) + ε). The mean of both lengths
 * (not the source length alone) keeps the cost symmetric, so A→B and B→A align alike.
 */
export function equivalentLengthCost(x: number, y: number, variance: number): number {
  const mean = (x + y) / 2;
  if (mean <= 0) return 0;
  const delta = Math.abs(y - x) / Math.sqrt(variance * Math.max(mean, 1));
  // The aligner asks this millions of times: read it off a table, interpolating linearly.
  const at = delta * TABLE_STEPS;
  if (at >= TABLE_SIZE - 1) return TABLE[TABLE_SIZE - 1]!;
  const k = at | 0;
  const low = TABLE[k]!;
  return low + (TABLE[k + 1]! - low) * (at - k);
}

/** −log((1 − ε)·P(|Z| ≥ δ) + ε) for a standard normal Z. */
function robustTailCost(delta: number): number {
  return -Math.log((1 - LENGTH_OUTLIERS) * Math.exp(-normalTailCost(delta)) + LENGTH_OUTLIERS);
}

/** Steps per unit of δ; the table runs to δ = 8, where the cost is −log ε to 9 digits. */
const TABLE_STEPS = 64;
const TABLE_SIZE = 8 * TABLE_STEPS + 1;
const TABLE = Float64Array.from({ length: TABLE_SIZE }, (_, k) => robustTailCost(k / TABLE_STEPS));

/** Cost of pairing a text of `lenA` characters of A with one of `lenB` characters of B. */
export function lengthCost(lenA: number, lenB: number, pair: PairLengthModel): number {
  return equivalentLengthCost(lenA * pair.scaleA, lenB * pair.scaleB, pair.variance);
}
