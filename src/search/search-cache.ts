/**
 * @module A micro-cache for search answers: identical searches within a short window (two seconds
 * by default) share one computation. Concurrent identical requests wait for the one in flight
 * (single flight) instead of each ranking the corpus again — what a room of delegates typing the
 * same words after a speech produces. An answer is never older than the window, the same bound
 * as a read replica's lag, so each process may keep its own cache: nothing to share or invalidate.
 * Bounded in entries; failures are not cached.
 */

export type CacheOutcome = 'hit' | 'miss' | 'joined';

interface Entry<T> {
  readonly at: number;
  readonly value: Promise<T>;
  settled: boolean;
}

export class SearchCache<T> {
  readonly #entries = new Map<string, Entry<T>>();
  readonly #ttlMs: number;
  readonly #maxEntries: number;
  readonly #now: () => number;

  constructor(options: { ttlMs: number; maxEntries?: number; now?: () => number }) {
    this.#ttlMs = options.ttlMs;
    this.#maxEntries = options.maxEntries ?? 2000;
    this.#now = options.now ?? (() => performance.now());
  }

  get size(): number {
    return this.#entries.size;
  }

  /** The answer for `key`: a fresh cached one, the one being computed, or `compute()`'s. */
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
    if (entry && now - entry.at < this.#ttlMs) {
      // A settled answer is a hit; one still being computed is joined.
      onOutcome?.(entry.settled ? 'hit' : 'joined');
      return entry.value;
    }
    if (entry) this.#entries.delete(key);
    const value = compute();
    const fresh: Entry<T> = { at: now, value, settled: false };
    this.#entries.set(key, fresh);
    value.then(
      () => (fresh.settled = true),
      () => {
        if (this.#entries.get(key) === fresh) this.#entries.delete(key);
      },
    );
    // Oldest first out: Map iteration order is insertion order.
    while (this.#entries.size > this.#maxEntries)
      this.#entries.delete(this.#entries.keys().next().value!);
    onOutcome?.('miss');
    return value;
  }
}
