/**
 * @module A cache for search answers. Identical searches within a short window (two seconds by
 * default) share one computation, and concurrent identical requests wait for the one in flight
 * (single flight) instead of each ranking the corpus again — what a room of delegates typing the
 * same words after a speech produces.
 *
 * Past the window an answer is kept while the index has not changed since it was computed: the
 * cache asks the store for the index's generation (a few counters that every indexing write
 * moves) and serves the answer again if it matches. So an answer is always either exact for the
 * index as it stands or at most one window old — the same bound as a read replica's lag — and
 * each process may keep its own cache with nothing to share or invalidate. Answers are dropped
 * after `maxAgeMs` whatever the generation says (reference data, such as State names, can change
 * what a query means). Bounded in entries; failures are not cached.
 */

export type CacheOutcome = 'hit' | 'revalidated' | 'miss' | 'joined';

interface Entry<T> {
  /** When the computation started. */
  readonly at: number;
  /** When the answer was last known to be current (computed, or its generation checked). */
  checkedAt: number;
  /** The index generation read before computing. */
  generation: string | undefined;
  readonly value: Promise<T>;
  settled: boolean;
}

export interface SearchCacheOptions {
  /** How long an answer is served without asking anything; 0 turns the cache off. */
  readonly ttlMs: number;
  /** Past `ttlMs`, answers whose generation still matches are served up to this age. */
  readonly maxAgeMs?: number;
  /** The index's current generation; without it answers live `ttlMs` only. */
  readonly generation?: () => Promise<string>;
  readonly maxEntries?: number;
  readonly now?: () => number;
}

export class SearchCache<T> {
  readonly #entries = new Map<string, Entry<T>>();
  readonly #ttlMs: number;
  readonly #maxAgeMs: number;
  readonly #generation: (() => Promise<string>) | undefined;
  readonly #maxEntries: number;
  readonly #now: () => number;

  constructor(options: SearchCacheOptions) {
    this.#ttlMs = options.ttlMs;
    this.#maxAgeMs = options.maxAgeMs ?? 5 * 60_000;
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
    compute: () => Promise<T>,
    onOutcome?: (o: CacheOutcome) => void,
  ): Promise<T> {
    if (this.#ttlMs <= 0) {
      onOutcome?.('miss');
      return compute();
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
      const current = await this.#generation();
      // Still the entry in place (another request may have replaced it meanwhile)?
      if (current === entry.generation && this.#entries.get(key) === entry) {
        entry.checkedAt = this.#now();
        onOutcome?.('revalidated');
        return entry.value;
      }
    }
    return this.#compute(key, compute, onOutcome);
  }

  #compute(key: string, compute: () => Promise<T>, onOutcome?: (o: CacheOutcome) => void) {
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
      // The generation is read before computing: a write landing during the computation then
      // shows as a newer generation, never as an older answer passing for current.
      value: generation
        ? generation().then((g) => {
            fresh.generation = g;
            return compute();
          })
        : compute(),
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
