/**
 * The reviewer's name field. Every copy on the page shows the same name (monitoring-actor.ts), so
 * it is typed once for all the reviews and the assessment it signs.
 */
import { useId } from 'react';
import { useI18n } from '../i18n/i18n-context.js';
import { setActor, useActor } from './monitoring-actor.js';

export function ActorField({
  invalid = false,
  problemId,
  hint = false,
}: {
  /** The last send was refused for want of a name. */
  readonly invalid?: boolean;
  /** The element that says what is wrong, for aria-describedby. */
  readonly problemId?: string | undefined;
  /** Say why the name is asked and that it is remembered. */
  readonly hint?: boolean;
}) {
  const { t } = useI18n();
  const id = useId();
  const actor = useActor();
  const described = [hint ? `${id}-hint` : '', invalid && problemId !== undefined ? problemId : '']
    .filter((part) => part !== '')
    .join(' ');
  return (
    <div className="field actor-field">
      <label htmlFor={id}>{t('review.actor')}</label>
      <input
        id={id}
        type="text"
        autoComplete="name"
        maxLength={200}
        value={actor}
        aria-invalid={invalid}
        aria-describedby={described === '' ? undefined : described}
        onChange={(event) => setActor(event.target.value)}
      />
      {hint && (
        <p className="field-hint" id={`${id}-hint`}>
          {t('review.actorHint')}
        </p>
      )}
    </div>
  );
}
