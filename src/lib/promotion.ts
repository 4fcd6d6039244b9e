/**
 * @module A background task's way to the front: whoever queued it binds how to raise it to
 * foreground priority; whoever comes to depend on it (a request that can no longer be answered
 * without it) asks for that. Background work may otherwise wait for as long as foreground work
 * keeps arriving — fine for a refresh nobody waits for, not once somebody does.
 */
export class Promotion {
  #raise: (() => void) | undefined;
  #requested = false;

  get requested(): boolean {
    return this.#requested;
  }

  /** How to raise the task while it waits; undefined once it has started. */
  bind(raise: (() => void) | undefined): void {
    this.#raise = raise;
    if (this.#requested && raise) this.request();
  }

  /** Raises the task if it still waits; remembered if it is not queued yet. */
  request(): void {
    this.#requested = true;
    const raise = this.#raise;
    this.#raise = undefined;
    raise?.();
  }
}
