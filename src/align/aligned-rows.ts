/**
 * @module Rows for showing (or exporting) several language versions side by side, from the
 * pairwise alignments of one pivot language with each of the others. A row holds, per language,
 * the consecutive units that say the same thing; where the pairwise links group the pivot's units
 * differently (one language merged two paragraphs, another did not), the row takes the union, so
 * every unit of every language appears exactly once and rows never cross.
 */
import type { AlignLink } from '../domain/alignment.js';

export interface PivotAlignment<L extends string> {
  readonly lang: L;
  /** Links with the pivot as side A and this language as side B. */
  readonly links: readonly (AlignLink & { readonly origin?: 'auto' | 'manual' })[];
}

export interface AlignedRow<L extends string> {
  /** Unit indexes per language (the pivot included); a language with nothing here is absent. */
  readonly units: Readonly<Partial<Record<L, readonly number[]>>>;
  /** The lowest score of the links that made the row (1 when a person made them all). */
  readonly score: number;
  /** Whether a person's correction decided any link of the row. */
  readonly manual: boolean;
}

export function alignedRows<L extends string>(
  pivot: L,
  pivotCount: number,
  others: readonly PivotAlignment<L>[],
): AlignedRow<L>[] {
  // joined[p] is true when some link holds pivot units p - 1 and p together.
  const joined = new Array<boolean>(pivotCount).fill(false);
  for (const { links } of others) {
    for (const link of links) {
      for (let i = 1; i < link.a.length; i++) joined[link.a[i]!] = true;
    }
  }
  const groupOf = new Array<number>(pivotCount);
  const groups: number[][] = [];
  for (let p = 0; p < pivotCount; p++) {
    if (p === 0 || !joined[p]) groups.push([]);
    groups[groups.length - 1]!.push(p);
    groupOf[p] = groups.length - 1;
  }

  interface Cell {
    units: number[];
    score: number;
    manual: boolean;
  }
  const groupCells = groups.map(() => new Map<L, Cell>());
  /** Units of another language with no pivot counterpart, to show before pivot group g. */
  const loose = Array.from({ length: groups.length + 1 }, () => [] as [L, Cell][]);

  for (const { lang, links } of others) {
    let lastGroup = -1;
    let pending: Cell[] = [];
    const add = (group: number, cell: Cell) => {
      const cells = groupCells[group]!;
      const existing = cells.get(lang);
      if (!existing) cells.set(lang, cell);
      else {
        existing.units.push(...cell.units);
        existing.score = Math.min(existing.score, cell.score);
        existing.manual ||= cell.manual;
      }
    };
    for (const link of links) {
      const cell = { units: [...link.b], score: link.score, manual: link.origin === 'manual' };
      const first = link.a[0];
      if (first === undefined) {
        if (cell.units.length > 0) pending.push(cell);
        continue;
      }
      const group = groupOf[first]!;
      // Units without a counterpart between two links of one group stay inside the group.
      for (const unit of pending) {
        if (group === lastGroup) add(group, unit);
        else loose[lastGroup + 1]!.push([lang, unit]);
      }
      pending = [];
      add(group, cell);
      lastGroup = group;
    }
    for (const unit of pending) loose[lastGroup + 1]!.push([lang, unit]);
  }

  const rows: AlignedRow<L>[] = [];
  const pushLoose = (g: number) => {
    for (const [lang, cell] of loose[g]!) {
      rows.push({
        units: { [lang]: cell.units } as Partial<Record<L, number[]>>,
        score: cell.score,
        manual: cell.manual,
      });
    }
  };
  groups.forEach((pivotUnits, g) => {
    pushLoose(g);
    const units: Partial<Record<L, number[]>> = { [pivot]: pivotUnits } as Partial<
      Record<L, number[]>
    >;
    let score = 1;
    let manual = false;
    let linked = false;
    for (const [lang, cell] of groupCells[g]!) {
      if (cell.units.length > 0) units[lang] = cell.units;
      score = Math.min(score, cell.score);
      manual ||= cell.manual;
      linked = true;
    }
    rows.push({ units, score: linked ? score : 0, manual });
  });
  pushLoose(groups.length);
  return rows;
}
