/**
 * The section editor's saving: one save at a time on the newest base, the text typed meanwhile
 * saved next, a stale base resolved silently when only another section changed, a real conflict
 * kept until the person chooses, and nothing typed ever dropped.
 */
import { describe, expect, it } from 'vitest';
import {
  editorReducer,
  hasUnsaved,
  initialEditorState,
  nextSave,
  readConflict,
  type EditorEvent,
  type EditorState,
  type Theirs,
} from './report-autosave.js';

const start = () =>
  initialEditorState({ version: 1, revision: 3 }, { a: 'Alpha', b: '' }, ['a', 'b']);

const run = (state: EditorState, ...events: EditorEvent[]) => events.reduce(editorReducer, state);

const theirs = (text: string, revision: number): Theirs => ({
  version: 1,
  revision,
  text,
  updatedBy: 'fr-delegate-2',
  updatedAt: '2026-03-02T10:41:00.000Z',
});

describe('report section autosave', () => {
  it('starts with every section as the server has it, nothing to save', () => {
    const state = start();
    expect(state.sections.a).toMatchObject({ text: 'Alpha', saved: 'Alpha', status: 'idle' });
    expect(state.sections.b?.text).toBe('');
    expect(nextSave(state)).toBeNull();
    expect(hasUnsaved(state)).toBe(false);
  });

  it('saves typed text once typing pauses, on the base it knows, and moves the base on', () => {
    let state = run(start(), { type: 'typed', section: 'a', text: 'Alpha beta' });
    expect(state.sections.a?.status).toBe('dirty');
    expect(nextSave(state)).toBeNull(); // the debounce has not elapsed
    expect(hasUnsaved(state)).toBe(true);
    state = run(state, { type: 'flush', section: 'a' });
    expect(nextSave(state)).toEqual({
      section: 'a',
      text: 'Alpha beta',
      base: { version: 1, revision: 3 },
    });
    state = run(state, { type: 'sent', section: 'a' });
    expect(state.sections.a?.status).toBe('saving');
    expect(nextSave(state)).toBeNull();
    state = run(state, {
      type: 'saved',
      section: 'a',
      result: { version: 1, revision: 4, newVersion: false },
      at: '2026-03-02T10:42:00.000Z',
    });
    expect(state.sections.a).toMatchObject({
      status: 'saved',
      saved: 'Alpha beta',
      savedAt: '2026-03-02T10:42:00.000Z',
    });
    expect(state.base).toEqual({ version: 1, revision: 4 });
    expect(hasUnsaved(state)).toBe(false);
  });

  it('typing back to the saved text leaves nothing to send', () => {
    const state = run(
      start(),
      { type: 'typed', section: 'a', text: 'Alph' },
      { type: 'typed', section: 'a', text: 'Alpha' },
      { type: 'flush', section: 'a' },
    );
    expect(state.sections.a?.status).toBe('idle');
    expect(nextSave(state)).toBeNull();
  });

  it('sends one save at a time; the next goes on the base the first answered with', () => {
    let state = run(
      start(),
      { type: 'typed', section: 'a', text: 'A2' },
      { type: 'flush', section: 'a' },
      { type: 'typed', section: 'b', text: 'B2' },
      { type: 'flush', section: 'b' },
      { type: 'sent', section: 'a' },
    );
    expect(nextSave(state)).toBeNull();
    state = run(state, {
      type: 'saved',
      section: 'a',
      result: { version: 1, revision: 4, newVersion: false },
      at: '2026-03-02T10:42:00.000Z',
    });
    expect(nextSave(state)).toEqual({
      section: 'b',
      text: 'B2',
      base: { version: 1, revision: 4 },
    });
  });

  it('saves what was typed during a save right after it', () => {
    let state = run(
      start(),
      { type: 'typed', section: 'a', text: 'One' },
      { type: 'flush', section: 'a' },
      { type: 'sent', section: 'a' },
      { type: 'typed', section: 'a', text: 'One two' },
      { type: 'flush', section: 'a' },
    );
    expect(state.sections.a?.status).toBe('saving');
    state = run(state, {
      type: 'saved',
      section: 'a',
      result: { version: 1, revision: 4, newVersion: false },
      at: '2026-03-02T10:42:00.000Z',
    });
    expect(state.sections.a).toMatchObject({ status: 'dirty', saved: 'One' });
    expect(nextSave(state)).toEqual({
      section: 'a',
      text: 'One two',
      base: { version: 1, revision: 4 },
    });
  });

  it('counts the saves that started a new version', () => {
    const state = run(
      start(),
      { type: 'typed', section: 'a', text: 'Next version' },
      { type: 'flush', section: 'a' },
      { type: 'sent', section: 'a' },
      {
        type: 'saved',
        section: 'a',
        result: { version: 2, revision: 1, newVersion: true },
        at: '2026-03-02T10:42:00.000Z',
      },
    );
    expect(state.versionsStarted).toBe(1);
    expect(state.base).toEqual({ version: 2, revision: 1 });
  });

  it('sends again on the new base when only another section changed', () => {
    const state = run(
      start(),
      { type: 'typed', section: 'a', text: 'Mine' },
      { type: 'flush', section: 'a' },
      { type: 'sent', section: 'a' },
      // The section is still "Alpha" on the server: someone saved section b.
      { type: 'conflict', section: 'a', theirs: theirs('Alpha', 5) },
    );
    expect(state.sections.a?.status).toBe('dirty');
    expect(state.sections.a?.theirs).toBeNull();
    expect(nextSave(state)).toEqual({
      section: 'a',
      text: 'Mine',
      base: { version: 1, revision: 5 },
    });
  });

  it('takes a lost answer’s text as saved when the server already has it', () => {
    const state = run(
      start(),
      { type: 'typed', section: 'a', text: 'Mine' },
      { type: 'flush', section: 'a' },
      { type: 'sent', section: 'a' },
      { type: 'conflict', section: 'a', theirs: theirs('Mine', 4) },
    );
    expect(state.sections.a).toMatchObject({ status: 'saved', saved: 'Mine' });
    expect(nextSave(state)).toBeNull();
  });

  it('keeps a real conflict, with both texts, until the person chooses', () => {
    let state = run(
      start(),
      { type: 'typed', section: 'a', text: 'Mine' },
      { type: 'flush', section: 'a' },
      { type: 'sent', section: 'a' },
      { type: 'conflict', section: 'a', theirs: theirs('Theirs', 5) },
    );
    expect(state.sections.a).toMatchObject({ status: 'conflict', text: 'Mine' });
    expect(state.sections.a?.theirs?.text).toBe('Theirs');
    expect(nextSave(state)).toBeNull();
    expect(hasUnsaved(state)).toBe(true);
    // Typing and pauses go on, and send nothing while undecided; nothing typed is lost.
    state = run(
      state,
      { type: 'typed', section: 'a', text: 'Mine, more' },
      { type: 'flush', section: 'a' },
    );
    expect(state.sections.a).toMatchObject({ status: 'conflict', text: 'Mine, more' });
    expect(nextSave(state)).toBeNull();

    // Keep mine: sent again, on their base.
    const kept = run(state, { type: 'keepMine', section: 'a' });
    expect(kept.sections.a).toMatchObject({ status: 'dirty', theirs: null, saved: 'Theirs' });
    expect(nextSave(kept)).toEqual({
      section: 'a',
      text: 'Mine, more',
      base: { version: 1, revision: 5 },
    });

    // Take theirs: the text becomes theirs, and nothing is sent.
    const taken = run(state, { type: 'takeTheirs', section: 'a' });
    expect(taken.sections.a).toMatchObject({ status: 'saved', text: 'Theirs', saved: 'Theirs' });
    expect(taken.base).toEqual({ version: 1, revision: 5 });
    expect(nextSave(taken)).toBeNull();
    expect(hasUnsaved(taken)).toBe(false);
  });

  it('never moves the base back when an older conflict is resolved', () => {
    const state = run(
      start(),
      { type: 'typed', section: 'a', text: 'Mine' },
      { type: 'flush', section: 'a' },
      { type: 'sent', section: 'a' },
      { type: 'conflict', section: 'a', theirs: theirs('Theirs', 5) },
      { type: 'typed', section: 'b', text: 'B' },
      { type: 'flush', section: 'b' },
      { type: 'sent', section: 'b' },
      {
        type: 'saved',
        section: 'b',
        result: { version: 1, revision: 6, newVersion: false },
        at: '2026-03-02T10:43:00.000Z',
      },
      { type: 'keepMine', section: 'a' },
    );
    expect(nextSave(state)?.base).toEqual({ version: 1, revision: 6 });
  });

  it('marks a refused save as not saved, and sends it again on request or on typing', () => {
    let state = run(
      start(),
      { type: 'typed', section: 'a', text: 'Mine' },
      { type: 'flush', section: 'a' },
      { type: 'sent', section: 'a' },
      { type: 'failed', section: 'a', error: { code: 'network_error', message: 'offline' } },
    );
    expect(state.sections.a).toMatchObject({ status: 'failed', text: 'Mine' });
    expect(state.sections.a?.error?.code).toBe('network_error');
    expect(hasUnsaved(state)).toBe(true);
    expect(nextSave(state)).toBeNull();
    state = run(state, { type: 'retry', section: 'a' });
    expect(nextSave(state)?.text).toBe('Mine');
    const typed = run(
      start(),
      { type: 'typed', section: 'a', text: 'x' },
      { type: 'flush', section: 'a' },
      { type: 'sent', section: 'a' },
      { type: 'failed', section: 'a', error: { code: 'e', message: 'm' } },
      { type: 'typed', section: 'a', text: 'xy' },
      { type: 'flush', section: 'a' },
    );
    expect(nextSave(typed)?.text).toBe('xy');
  });

  it('reads the 409’s current text, and nothing else', () => {
    expect(
      readConflict({
        current: {
          version: 1,
          revision: 5,
          status: 'draft',
          text: 'T',
          updatedBy: 'u',
          updatedAt: '2026-03-02T10:41:00.000Z',
        },
        yours: { version: 1, revision: 3, text: 'Y' },
      }),
    ).toEqual({
      version: 1,
      revision: 5,
      text: 'T',
      updatedBy: 'u',
      updatedAt: '2026-03-02T10:41:00.000Z',
    });
    expect(readConflict(undefined)).toBeNull();
    expect(readConflict({ current: { version: 1 } })).toBeNull();
  });
});
