/**
 * The section editor's saving, as a pure state machine the editor drives (report-editor.tsx).
 *
 * The server counts edits per report, not per section: every save names the version and revision
 * it was based on (`base`, one for the whole report) and answers with the new one, and a save from
 * a stale base is refused with 409 and the section's current text. So saves go one at a time, in
 * a queue, each on the newest base this editor knows. A 409 whose current text of the section is
 * still the text this editor based its change on means someone changed *another* section: the
 * save is simply sent again on the new base. Otherwise the section is in conflict and the person
 * chooses: keep theirs, or keep mine (sent again on the new base). Nothing typed is dropped: the
 * textarea's text is only ever replaced by "take theirs".
 */

export interface Base {
  readonly version: number;
  readonly revision: number;
}

/** The section as someone else saved it, from a 409's `detail.current`. */
export interface Theirs extends Base {
  readonly text: string;
  readonly updatedBy: string;
  readonly updatedAt: string;
}

export type SaveStatus =
  /** Nothing typed since the page opened. */
  | 'idle'
  /** Typed, not yet sent (the debounce is running, or the save waits its turn). */
  | 'dirty'
  | 'saving'
  | 'saved'
  /** The last save was refused or did not arrive; typing or "try again" sends it again. */
  | 'failed'
  /** Someone else changed this section meanwhile: theirs or mine? */
  | 'conflict';

export interface SaveError {
  readonly code: string;
  readonly message: string;
}

export interface SectionDraft {
  /** What the textarea holds. */
  readonly text: string;
  /** The section's text on the server at the base, as far as this editor knows. */
  readonly saved: string;
  readonly status: SaveStatus;
  /** When this editor last saved the section (ISO time), for "Saved at 10:42". */
  readonly savedAt: string | null;
  /** The text of the save in flight. */
  readonly sending: string | null;
  readonly theirs: Theirs | null;
  readonly error: SaveError | null;
}

export interface EditorState {
  readonly base: Base;
  readonly sections: Readonly<Record<string, SectionDraft>>;
  /** Sections waiting to be saved, oldest first. */
  readonly queue: readonly string[];
  /** The section whose save is in flight; one at a time, so each goes on the newest base. */
  readonly inFlight: string | null;
  /** Counts the saves that started a new version (the page then reloads status and buttons). */
  readonly versionsStarted: number;
}

export type EditorEvent =
  | { readonly type: 'typed'; readonly section: string; readonly text: string }
  /** Typing paused (the debounce elapsed) or the field lost focus: save what is there. */
  | { readonly type: 'flush'; readonly section: string }
  | { readonly type: 'sent'; readonly section: string }
  | {
      readonly type: 'saved';
      readonly section: string;
      readonly result: Base & { readonly newVersion: boolean };
      readonly at: string;
    }
  | { readonly type: 'conflict'; readonly section: string; readonly theirs: Theirs }
  | { readonly type: 'failed'; readonly section: string; readonly error: SaveError }
  | { readonly type: 'keepMine'; readonly section: string }
  | { readonly type: 'takeTheirs'; readonly section: string }
  | { readonly type: 'retry'; readonly section: string };

export function initialEditorState(
  base: Base,
  texts: Readonly<Record<string, string>>,
  sectionIds: readonly string[],
): EditorState {
  const sections: Record<string, SectionDraft> = {};
  for (const id of sectionIds) {
    const text = texts[id] ?? '';
    sections[id] = {
      text,
      saved: text,
      status: 'idle',
      savedAt: null,
      sending: null,
      theirs: null,
      error: null,
    };
  }
  return { base, sections, queue: [], inFlight: null, versionsStarted: 0 };
}

/** The later of two bases (a base never moves back). */
function newer(a: Base, b: Base): Base {
  const later =
    a.version > b.version || (a.version === b.version && a.revision >= b.revision) ? a : b;
  return { version: later.version, revision: later.revision };
}

function update(state: EditorState, section: string, change: Partial<SectionDraft>): EditorState {
  const draft = state.sections[section];
  if (draft === undefined) return state;
  return { ...state, sections: { ...state.sections, [section]: { ...draft, ...change } } };
}

const enqueue = (queue: readonly string[], section: string, first = false) =>
  queue.includes(section) ? queue : first ? [section, ...queue] : [...queue, section];

const without = (queue: readonly string[], section: string) => queue.filter((s) => s !== section);

/** Whether the text differs from what the server has or is being sent. */
const needsSaving = (draft: SectionDraft) => draft.text !== (draft.sending ?? draft.saved);

export function editorReducer(state: EditorState, event: EditorEvent): EditorState {
  const draft = state.sections[event.section];
  if (draft === undefined) return state;
  switch (event.type) {
    case 'typed': {
      const next = { ...draft, text: event.text };
      if (draft.status === 'conflict' || draft.status === 'saving')
        return update(state, event.section, { text: event.text });
      const status: SaveStatus = needsSaving(next)
        ? 'dirty'
        : draft.savedAt === null
          ? 'idle'
          : 'saved';
      return {
        ...update(state, event.section, { text: event.text, status, error: null }),
        // Typed back to what is saved: nothing to send.
        queue: status === 'dirty' ? state.queue : without(state.queue, event.section),
      };
    }
    case 'flush':
      if (draft.status === 'conflict' || !needsSaving(draft)) return state;
      return { ...state, queue: enqueue(state.queue, event.section) };
    case 'sent':
      return {
        ...update(state, event.section, { status: 'saving', sending: draft.text, error: null }),
        queue: without(state.queue, event.section),
        inFlight: event.section,
      };
    case 'saved': {
      const saved = draft.sending ?? draft.text;
      const more = draft.text !== saved;
      return {
        ...update(state, event.section, {
          saved,
          sending: null,
          savedAt: event.at,
          status: more ? 'dirty' : 'saved',
        }),
        base: newer({ version: event.result.version, revision: event.result.revision }, state.base),
        inFlight: null,
        versionsStarted: state.versionsStarted + (event.result.newVersion ? 1 : 0),
      };
    }
    case 'conflict': {
      const { theirs } = event;
      const base = newer({ version: theirs.version, revision: theirs.revision }, state.base);
      const settled = { ...state, inFlight: null, base };
      if (theirs.text === (draft.sending ?? draft.text)) {
        // The server has exactly what was sent (an answer lost on the way, or the same words):
        // saved, and anything typed since waits its turn.
        const more = draft.text !== theirs.text;
        return {
          ...update(settled, event.section, {
            saved: theirs.text,
            sending: null,
            status: more ? 'dirty' : 'saved',
            savedAt: theirs.updatedAt,
          }),
          queue: more ? enqueue(state.queue, event.section, true) : state.queue,
        };
      }
      if (theirs.text === draft.saved)
        // This section is as this editor left it; another one changed. Send again, first.
        return {
          ...update(settled, event.section, { sending: null, status: 'dirty' }),
          queue: enqueue(state.queue, event.section, true),
        };
      return update(settled, event.section, { sending: null, status: 'conflict', theirs });
    }
    case 'failed':
      return {
        ...update(state, event.section, { sending: null, status: 'failed', error: event.error }),
        inFlight: null,
      };
    case 'keepMine': {
      if (draft.theirs === null) return state;
      return {
        ...update(state, event.section, {
          saved: draft.theirs.text,
          theirs: null,
          status: 'dirty',
        }),
        base: newer(draft.theirs, state.base),
        queue: enqueue(state.queue, event.section, true),
      };
    }
    case 'takeTheirs': {
      if (draft.theirs === null) return state;
      return {
        ...update(state, event.section, {
          text: draft.theirs.text,
          saved: draft.theirs.text,
          theirs: null,
          status: 'saved',
          savedAt: draft.theirs.updatedAt,
        }),
        base: newer(draft.theirs, state.base),
        queue: without(state.queue, event.section),
      };
    }
    case 'retry':
      if (draft.status !== 'failed') return state;
      return {
        ...update(state, event.section, { status: 'dirty', error: null }),
        queue: enqueue(state.queue, event.section),
      };
  }
}

/** The save to send now, if any: the queue's first, when nothing is in flight. */
export function nextSave(
  state: EditorState,
): { readonly section: string; readonly text: string; readonly base: Base } | null {
  if (state.inFlight !== null) return null;
  const section = state.queue[0];
  const draft = section === undefined ? undefined : state.sections[section];
  if (section === undefined || draft === undefined) return null;
  return { section, text: draft.text, base: state.base };
}

/** Whether leaving now would lose something typed (or leave a conflict undecided). */
export function hasUnsaved(state: EditorState): boolean {
  return (
    state.inFlight !== null ||
    Object.values(state.sections).some(
      (draft) => draft.status === 'conflict' || draft.status === 'failed' || needsSaving(draft),
    )
  );
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/** Reads a stale edit's 409 `detail.current`; null when the answer is not shaped so. */
export function readConflict(detail: unknown): Theirs | null {
  if (!isRecord(detail) || !isRecord(detail.current)) return null;
  const { version, revision, text, updatedBy, updatedAt } = detail.current;
  if (
    typeof version !== 'number' ||
    typeof revision !== 'number' ||
    typeof text !== 'string' ||
    typeof updatedBy !== 'string' ||
    typeof updatedAt !== 'string'
  )
    return null;
  return { version, revision, text, updatedBy, updatedAt };
}
