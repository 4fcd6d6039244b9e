/**
 * The day the treaty views show status on. It lives in the address (`?asOf=YYYY-MM-DD`) so a view
 * of the past can be shared and the back button returns to the previous day; without it, today.
 */
import { setQuery, useLocation } from './router.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/u;
/** The oldest instrument on record is the Antarctic Treaty (1959); the UN's founding is a safe
 * floor. The ceiling keeps a half-typed year (`0002-…`, `20245-…`) from reaching the API. */
export const EARLIEST_AS_OF = '1945-01-01';
export const LATEST_AS_OF = '2100-12-31';

/** A real calendar day in range: `2023-02-30` matches the pattern but is no day at all. */
export function isAsOfDate(value: string): boolean {
  if (!ISO_DATE.test(value) || value < EARLIEST_AS_OF || value > LATEST_AS_OF) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Today in the reader's own time zone: at 01:00 in Tokyo the reader means their today, not UTC's. */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export interface AsOf {
  readonly asOf: string;
  readonly isToday: boolean;
}

export function useAsOf(): AsOf {
  const { query } = useLocation();
  const requested = query.get('asOf') ?? '';
  const today = localToday();
  // A malformed ?asOf= falls back to today rather than an error page.
  const asOf = isAsOfDate(requested) ? requested : today;
  return { asOf, isToday: asOf === today };
}

/** Today is the default, so choosing it clears the parameter and keeps the address short. */
export function setAsOf(value: string | undefined): void {
  setQuery({ asOf: value === localToday() ? undefined : value });
}
