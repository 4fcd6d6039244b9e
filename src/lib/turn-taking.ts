/**
 * @module Expensive work taken in turns: at most N at a time, the rest waiting in arrival order,
 * and each turn handed over through `setImmediate`, so the event loop reads sockets between two
 * turns. A document view arriving behind a hundred searches (synchronous over SQLite) then waits
 * for one of them, not for all.
 *
 * Work nobody waits for (`background`, such as a cache refresh) takes a turn only when no
 * foreground work is waiting, and holds at most half the turns, so a request arriving meanwhile
 * finds a turn free or soon free.
 */
import type { Promotion } from './promotion.js';

export type TurnPriority = 'now' | 'background';

export class TurnTaking {
  readonly #max: number;
  readonly #maxBackground: number;
  #running = 0;
  #runningBackground = 0;
  readonly #waiting: (() => void)[] = [];
  readonly #waitingBackground: (() => void)[] = [];

  constructor(max: number) {
    if (!Number.isInteger(max) || max < 1)
      throw new Error(`turns are taken by a positive whole number of tasks, not ${max}`);
    this.#max = max;
    this.#maxBackground = Math.ceil(max / 2);
  }

  get running(): number {
    return this.#running;
  }

  get waiting(): number {
    return this.#waiting.length + this.#waitingBackground.length;
  }

  /**
   * Runs `task` in its turn. A background task waiting for one moves to the foreground queue
   * when `promotion` asks.
   */
  async run<T>(
    task: () => Promise<T>,
    priority: TurnPriority = 'now',
    promotion?: Promotion,
  ): Promise<T> {
    let background = priority === 'background' && promotion?.requested !== true;
    if (background ? this.#backgroundMayStart() : this.#running < this.#max) this.#take(background);
    // Otherwise #next takes the turn on this task's behalf when it wakes it.
    else
      await new Promise<void>((resolve) => {
        if (!background) return this.#waiting.push(resolve);
        this.#waitingBackground.push(resolve);
        promotion?.bind(() => {
          const at = this.#waitingBackground.indexOf(resolve);
          if (at === -1) return;
          this.#waitingBackground.splice(at, 1);
          background = false;
          this.#waiting.push(resolve);
          this.#next();
        });
      });
    promotion?.bind(undefined);
    // Start on a fresh turn of the event loop: I/O that arrived meanwhile goes first.
    await new Promise<void>((resolve) => setImmediate(resolve));
    try {
      return await task();
    } finally {
      this.#running--;
      if (background) this.#runningBackground--;
      this.#next();
    }
  }

  #take(background: boolean): void {
    this.#running++;
    if (background) this.#runningBackground++;
  }

  #backgroundMayStart(): boolean {
    return (
      this.#waiting.length === 0 &&
      this.#running < this.#max &&
      this.#runningBackground < this.#maxBackground
    );
  }

  /** Wakes what may start now: foreground work first, then background work. */
  #next(): void {
    while (this.#running < this.#max && this.#waiting.length > 0) {
      this.#take(false);
      this.#waiting.shift()!();
    }
    while (this.#waitingBackground.length > 0 && this.#backgroundMayStart()) {
      this.#take(true);
      this.#waitingBackground.shift()!();
    }
  }
}
