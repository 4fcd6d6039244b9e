/**
 * A refused review or assessment: the API's own message (English, marked so), its code and the
 * field it names, under a heading in the UI language.
 */
import type { ApiError } from '../api-client.js';
import { useI18n } from '../i18n/i18n-context.js';

export function MonitoringError({
  title,
  error,
}: {
  readonly title: string;
  readonly error: ApiError;
}) {
  const { t } = useI18n();
  return (
    <div className="status-error monitoring-error" role="alert">
      <h4>{title}</h4>
      <p lang="en" dir="ltr" className="error-message">
        {error.message}
      </p>
      <p className="muted">
        {t('view.error.code', { code: error.code })}
        {error.field !== undefined && <> · {t('review.field', { field: error.field })}</>}
      </p>
    </div>
  );
}
