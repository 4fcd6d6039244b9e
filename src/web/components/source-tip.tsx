/**
 * A small button that shows sources and notes in a tooltip on hover, on keyboard focus and on
 * tap, for cells too small to hold them. The tooltip is the button's description, so a screen
 * reader reads it on focus; Escape dismisses it and the pointer can move onto it (WCAG 1.4.13).
 */
import { useId, useState } from 'react';
import { useTextAttrs } from '../i18n/i18n-context.js';
import { distinct } from './sources-disclosure.js';

export function SourceTip({
  label,
  sources,
  notes,
}: {
  /** The button's name: what the sources are about ("Sources and notes: Protocol I, France"). */
  readonly label: string;
  readonly sources: readonly string[];
  readonly notes: readonly string[];
}) {
  const id = useId();
  const textAttrs = useTextAttrs();
  const [open, setOpen] = useState(false);
  const unique = distinct(sources);
  if (unique.length === 0 && notes.length === 0) return null;
  return (
    <span
      className="tip"
      onMouseEnter={() => setOpen(true)}
      onMouseLeave={() => setOpen(false)}
      onKeyDown={(event) => {
        if (event.key === 'Escape') setOpen(false);
      }}
    >
      <button
        type="button"
        className="tip-trigger"
        aria-label={label}
        aria-describedby={id}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onClick={() => setOpen((value) => !value)}
      >
        <span aria-hidden="true">i</span>
      </button>
      {/* Rendered while closed too: a description must exist to be read on focus. */}
      <span role="tooltip" id={id} className="tip-body" hidden={!open} {...textAttrs('en')}>
        {unique.map((source) => (
          <span key={source} className="tip-line">
            {source}
          </span>
        ))}
        {notes.map((note) => (
          <span key={note} className="tip-line tip-note">
            {note}
          </span>
        ))}
      </span>
    </span>
  );
}
