/**
 * @module A cache for search answers. Identical searches within a short window (two seconds by
 * default) share one computation, and concurrent identical requests wait for the one in flight
 * (single flight) instead of each ranking the corpus again — what a room of delegates typing the
 * same words after a speech produces.
 *
 * Past the window an answer is kept while the index has not changed since it was computed: the
 * cache asks the store for the index's generation (a few counters that every indexing write
 * moves) and serves the answer again if it matches. Answers are dropped after `maxAgeMs` whatever
 * the generation says (reference data, such as State names, can change what a query means).
 *
 * When the index has changed, an answer known current less than `staleMs` ago is still served,
 * and the search is computed again in the background, at low priority, once per key
 * (stale-while-revalidate). Without it every indexing commit during a batch ingest sends every
 * popular search back to be ranked at once, and readers queue behind the writer's pace — what the
 * load benchmark measured. A request that finds an answer older than that waits for the refresh
 * under way, which is then promoted ahead of other work (lib/promotion.ts) rather than computed a
 * second time. So an answer is always either exact for the index as it stands or at
 * most `staleMs` behind it (a window when `staleMs` is 0) — the bound of a read replica's lag —
 * and each process may keep its own cache with nothing to share or invalidate. Bounded in
 * entries; failures are not cached.
 */

import { Promotion } from '../lib/promotion.js';

export type CacheOutcome = 'hit' | 'revalidated' | 'stale' | 'miss' | 'joined';

/** `now` for a request waiting on the answer; `background` for a refresh nobody waits on. */
export type ComputePriority = 'now' | 'background';

interface Entry<T> {
  /** When the computation started. */
  readonly at: number;
  /** When the answer was last known to be current (computed, or its generation checked). */
  checkedAt: number;
  /** The index generation read before computing. */
  generation: string | undefined;
  readonly value: Promise<T>;
  settled: boolean;
  /** The background recomputation of this key under way, if any, and its way to the front. */
  refreshing: Promise<T> | undefined;
  promotion?: Promotion;
}

export interface SearchCacheOptions {
  /** How long an answer is served without asking anything; 0 turns the cache off. */
  readonly ttlMs: number;
  /** Past `ttlMs`, answers whose generation still matches are served up to this age. */
  readonly maxAgeMs?: number;
  /**
   * Past `ttlMs`, when the generation has moved, an answer last known current less than this long
   * ago is served while a background computation replaces it; 0 never serves a stale answer.
   */
  readonly staleMs?: number;
  /** The index's current generation; without it answers live `ttlMs` only. */
  readonly generation?: () => Promise<string>;
  readonly maxEntries?: number;
  readonly now?: () => number;
}

/** How long one read of the index generation answers for every request. */
const GENERATION_SHARE_MS = 100;

export class SearchCache<T> {
  readonly #entries = new Map<string, Entry<T>>();
  readonly #ttlMs: number;
  readonly #maxAgeMs: number;
  readonly #staleMs: number;
  readonly #generation: (() => Promise<string>) | undefined;
  readonly #maxEntries: number;
  readonly #now: () => number;
  #lastGeneration: { at: number; value: Promise<string> } | undefined;

  constructor(options: SearchCacheOptions) {
    this.#ttlMs = options.ttlMs;
    this.#maxAgeMs = options.maxAgeMs ?? 5 * 60_000;
    this.#staleMs = options.staleMs ?? 0;
    this.#generation = options.generation;
    this.#maxEntries = options.maxEntries ?? 2000;
    this.#now = options.now ?? (() => performance.now());
  }

  get size(): number {
    return this.#entries.size;
  }

  /** The answer for `key`: a current cached one, the one being computed, or `compute()`'s. */
  async get(
    key: string,
    compute: (priority: ComputePriority, promotion?: Promotion) => Promise<T>,
    onOutcome?: (o: CacheOutcome) => void,
  ): Promise<T> {
    if (this.#ttlMs <= 0) {
      onOutcome?.('miss');
      return compute('now');
    }
    const now = this.#now();
    const entry = this.#entries.get(key);
    if (entry && now - entry.checkedAt < this.#ttlMs) {
      // A settled answer is a hit; one still being computed is joined.
      onOutcome?.(entry.settled ? 'hit' : 'joined');
      return entry.value;
    }
    if (
      entry?.settled === true &&
      entry.generation !== undefined &&
      this.#generation &&
      now - entry.at < this.#maxAgeMs
    ) {
      const read = this.#sharedGeneration(this.#generation);
      const current = await read.value;
      // Still the entry in place (another request may have replaced it meanwhile)?
      if (current === entry.generation && this.#entries.get(key) === entry) {
        entry.checkedAt = read.at;
        onOutcome?.('revalidated');
        return entry.value;
      }
      if (this.#entries.get(key) === entry && this.#now() - entry.checkedAt < this.#staleMs) {
        this.#refresh(key, entry, compute);
        onOutcome?.('stale');
        return entry.value;
      }
      // Too old to serve, and its refresh is under way: wait for that rather than compute the
      // same search twice (under load, duplicates are what tips a busy store over).
      if (this.#entries.get(key) === entry && entry.refreshing) {
        // Somebody now waits for it: it must not wait behind foreground work any longer.
        entry.promotion?.request();
        onOutcome?.('joined');
        return entry.refreshing;
      }
    }
    return this.#compute(key, compute, onOutcome);
  }

  /**
   * One generation read shared by the requests of the next few milliseconds: under load every
   * search past the window asks, and a query each would queue behind the store's real work.
   * A shared answer is dated when its read began, so nothing passes for fresher than it is.
   */
  #sharedGeneration(generation: () => Promise<string>): { at: number; value: Promise<string> } {
    const now = this.#now();
    const last = this.#lastGeneration;
    if (last && now - last.at < GENERATION_SHARE_MS) return last;
    const read = { at: now, value: generation() };
    this.#lastGeneration = read;
    // A failed read is not shared.
    read.value.catch(() => {
      if (this.#lastGeneration === read) this.#lastGeneration = undefined;
    });
    return read;
  }

  /** Computes `key` again in the background; the answer replaces `stale` if still in place. */
  #refresh(
    key: string,
    stale: Entry<T>,
    compute: (priority: ComputePriority, promotion?: Promotion) => Promise<T>,
  ) {
    if (stale.refreshing) return;
    const at = this.#now();
    let generation: string | undefined;
    const promotion = new Promotion();
    const value = this.#generation!().then((g) => {
      generation = g;
      return compute('background', promotion);
    });
    stale.promotion = promotion;
    stale.refreshing = value;
    value.then(
      () => {
        // A request that found the answer too old meanwhile computed a newer one: keep that.
        if (this.#entries.get(key) !== stale) return;
        this.#entries.delete(key);
        this.#entries.set(key, {
          at,
          checkedAt: at,
          generation,
          value,
          settled: true,
          refreshing: undefined,
        });
      },
      // The stale answer stays; the next request past the window tries again.
      () => (stale.refreshing = undefined),
    );
  }

  #compute(
    key: string,
    compute: (priority: ComputePriority, promotion?: Promotion) => Promise<T>,
    onOutcome?: (o: CacheOutcome) => void,
  ) {
    const now = this.#now();
    const joinable = this.#entries.get(key);
    if (joinable && !joinable.settled && now - joinable.at < this.#ttlMs) {
      onOutcome?.('joined');
      return joinable.value;
    }
    const generation = this.#generation;
    const fresh: Entry<T> = {
      at: now,
      checkedAt: now,
      generation: undefined,
      settled: false,
      refreshing: undefined,
      // The generation is read before computing: a write landing during the computation then
      // shows as a newer generation, never as an older answer passing for current.
      value: generation
        ? generation().then((g) => {
            fresh.generation = g;
            return compute('now');
          })
        : compute('now'),
    };
    this.#entries.delete(key);
    this.#entries.set(key, fresh);
    fresh.value.then(
      () => (fresh.settled = true),
      () => {
        if (this.#entries.get(key) === fresh) this.#entries.delete(key);
      },
    );
    // Oldest first out: Map iteration order is insertion order.
    while (this.#entries.size > this.#maxEntries)
      this.#entries.delete(this.#entries.keys().next().value!);
    onOutcome?.('miss');
    return fresh.value;
  }
}
