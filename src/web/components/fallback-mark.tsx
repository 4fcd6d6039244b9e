/**
 * Marks text shown in English because the UI language has no version yet: visible as "EN", spoken
 * as the full explanation. It sits inside English text, hence its own `lang`.
 */
import { useI18n } from '../i18n/i18n-context.js';

export function FallbackMark() {
  const { t, lang } = useI18n();
  return (
    <span className="fallback-mark" lang={lang} title={t('common.englishOnly')}>
      <span aria-hidden="true">EN</span>
      <span className="visually-hidden">{t('common.englishOnly')}</span>
    </span>
  );
}
