/**
 * How an action is named ("Action 5", or the Middle East section, which has no number) and its
 * keywords as a list.
 */
import type { Action } from '../api-types.js';
import { useI18n } from '../i18n/i18n-context.js';

export function useActionLabel(): (action: Pick<Action, 'number'>) => string {
  const { t, formatNumber } = useI18n();
  return (action) =>
    action.number === null
      ? t('action.middleEast')
      : t('action.number', { number: formatNumber(action.number) });
}

export function Keywords({
  words,
  label,
}: {
  readonly words: readonly string[];
  readonly label: string;
}) {
  return (
    <ul className="keywords" aria-label={label}>
      {words.map((word) => (
        <li key={word}>{word}</li>
      ))}
    </ul>
  );
}
