/**
 * The reviewer's name, which signs every review and assessment. Remembered on this device (under
 * the key the alignment corrections use, so one name serves both) and shared by every field on the
 * page through a tiny external store, so typing it once fills the review and assessment forms.
 */
import { useSyncExternalStore } from 'react';

const ACTOR_KEY = 'pillars.actor';

function readStored(): string {
  try {
    return window.localStorage.getItem(ACTOR_KEY) ?? '';
  } catch {
    return ''; // storage can be disabled; the name then lasts for the visit
  }
}

let current: string | undefined;
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const snapshot = () => (current ??= readStored());

/** Sets the name for every field showing it; `remember` also stores it (after it is used, so
 * half-typed names are not kept). */
export function setActor(actor: string, options: { remember?: boolean } = {}): void {
  current = actor;
  if (options.remember === true) {
    try {
      window.localStorage.setItem(ACTOR_KEY, actor.trim());
    } catch {
      // not remembered across visits; nothing else to do
    }
  }
  for (const listener of listeners) listener();
}

export function useActor(): string {
  return useSyncExternalStore(subscribe, snapshot);
}
