/**
 * @module Expensive synchronous work (a search over SQLite runs on the event loop) taken in turns:
 * at most N at a time, the rest waiting in arrival order, and each turn handed over through
 * `setImmediate`, so the event loop reads sockets between two turns. A document view arriving
 * behind a hundred searches then waits for one of them, not for all.
 */
export class TurnTaking {
  readonly #max: number;
  #running = 0;
  readonly #waiting: (() => void)[] = [];

  constructor(max: number) {
    if (!Number.isInteger(max) || max < 1)
      throw new Error(`turns are taken by a positive whole number of tasks, not ${max}`);
    this.#max = max;
  }

  get running(): number {
    return this.#running;
  }

  get waiting(): number {
    return this.#waiting.length;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.#running >= this.#max)
      await new Promise<void>((resolve) => this.#waiting.push(resolve));
    else this.#running++;
    // Start on a fresh turn of the event loop: I/O that arrived meanwhile goes first.
    await new Promise<void>((resolve) => setImmediate(resolve));
    try {
      return await task();
    } finally {
      const next = this.#waiting.shift();
      // The slot passes to the next in line (`running` stays counted).
      if (next) next();
      else this.#running--;
    }
  }
}
