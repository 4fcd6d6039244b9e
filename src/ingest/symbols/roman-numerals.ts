/**
 * @module Roman numerals as UN symbols use them: PrepCom and Main Committee numbers (PC.III,
 * MC.II), volumes and parts (Vol. I, Part II), old General Assembly sessions (XXII) and Art.XIV.
 */

const NUMERALS: readonly (readonly [number, string])[] = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

/** `toRoman(14)` is `XIV`. Only 1–3999 have a standard spelling. */
export function toRoman(value: number): string {
  if (!Number.isInteger(value) || value < 1 || value > 3999)
    throw new RangeError(`no Roman numeral for ${value}`);
  let rest = value;
  let text = '';
  for (const [n, letters] of NUMERALS) {
    while (rest >= n) {
      text += letters;
      rest -= n;
    }
  }
  return text;
}

const LETTER_VALUES: Readonly<Record<string, number>> = {
  I: 1,
  V: 5,
  X: 10,
  L: 50,
  C: 100,
  D: 500,
  M: 1000,
};

/**
 * The value of an upper-case Roman numeral, or null unless it is written the standard way
 * ("IIII" and "IC" are refused, so every value has exactly one spelling and round-trips).
 */
export function fromRoman(text: string): number | null {
  if (text === '' || text.length > 15) return null;
  let total = 0;
  for (let i = 0; i < text.length; i++) {
    const value = LETTER_VALUES[text.charAt(i)];
    if (value === undefined) return null;
    const next = LETTER_VALUES[text.charAt(i + 1)] ?? 0;
    total += value < next ? -value : value;
  }
  return total >= 1 && total <= 3999 && toRoman(total) === text ? total : null;
}
