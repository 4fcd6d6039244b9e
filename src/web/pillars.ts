/**
 * The Action Plan's sections in document order: the three pillars of the Treaty, then the
 * section on the Middle East (which is not a pillar but has its own heading and entry).
 */
import type { Pillar } from './api-types.js';

export const PILLARS: readonly Pillar[] = [
  'disarmament',
  'non-proliferation',
  'peaceful-uses',
  'middle-east',
];

export function isPillar(value: string | null): value is Pillar {
  return value !== null && (PILLARS as readonly string[]).includes(value);
}
