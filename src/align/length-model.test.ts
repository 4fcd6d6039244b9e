import { describe, expect, it } from 'vitest';
import {
  LENGTH_MODELS,
  LENGTH_OUTLIERS,
  equivalentLengthCost,
  lengthCost,
  normalTailCost,
  pairLengthModel,
} from './length-model.js';

describe('normalTailCost', () => {
  it('is −log P(|Z| ≥ δ) for a standard normal', () => {
    expect(normalTailCost(0)).toBeCloseTo(0, 6);
    expect(normalTailCost(1)).toBeCloseTo(-Math.log(0.3173105), 5);
    expect(normalTailCost(1.96)).toBeCloseTo(-Math.log(0.05), 3);
    expect(normalTailCost(-1.96)).toBeCloseTo(normalTailCost(1.96), 12);
  });

  it('keeps growing far in the tail instead of overflowing', () => {
    expect(normalTailCost(40)).toBeGreaterThan(normalTailCost(20));
    expect(Number.isFinite(normalTailCost(40))).toBe(true);
    expect(normalTailCost(40)).toBeCloseTo(800 + Math.log(40 * Math.sqrt(Math.PI / 2)), 0);
  });
});

describe('pairLengthModel', () => {
  it('expects Chinese at about a third of English in characters, the others near English', () => {
    expect(pairLengthModel('en', 'zh').ratio).toBeCloseTo(0.33, 2);
    expect(pairLengthModel('zh', 'en').ratio).toBeCloseTo(1 / 0.33, 2);
    for (const lang of ['ar', 'fr', 'ru', 'es'] as const) {
      expect(pairLengthModel('en', lang).ratio).toBeGreaterThan(0.85);
      expect(pairLengthModel('en', lang).ratio).toBeLessThan(1.2);
    }
  });

  it('adds the two languages’ variances', () => {
    expect(pairLengthModel('en', 'zh').variance).toBe(
      LENGTH_MODELS.en.variance + LENGTH_MODELS.zh.variance,
    );
  });
});

describe('lengthCost', () => {
  it('is lowest where the lengths are in the expected ratio', () => {
    const pair = pairLengthModel('en', 'zh');
    const expected = lengthCost(300, 100, pair);
    expect(expected).toBeLessThan(0.05);
    expect(lengthCost(300, 300, pair)).toBeGreaterThan(expected + 1);
    expect(lengthCost(300, 30, pair)).toBeGreaterThan(expected + 1);
  });

  it('is symmetric in the two directions', () => {
    expect(lengthCost(300, 100, pairLengthModel('en', 'zh'))).toBeCloseTo(
      lengthCost(100, 300, pairLengthModel('zh', 'en')),
      12,
    );
  });

  it('never exceeds −log ε: an outlier is not a catastrophe', () => {
    const cap = -Math.log(LENGTH_OUTLIERS);
    expect(equivalentLengthCost(10, 10_000, 1)).toBeLessThanOrEqual(cap + 1e-9);
    expect(equivalentLengthCost(10, 10_000, 1)).toBeGreaterThan(cap - 0.01);
    expect(equivalentLengthCost(100, 140, 1)).toBeLessThan(cap);
  });

  it('grows with the difference', () => {
    let last = -1;
    for (let y = 100; y <= 200; y += 10) {
      const cost = equivalentLengthCost(100, y, 2);
      expect(cost).toBeGreaterThan(last);
      last = cost;
    }
  });
});
