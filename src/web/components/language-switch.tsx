/**
 * The language menu: each option names its language in that language (and is marked up as such),
 * so a reader who cannot read the current UI language can still find their own.
 */
import { isLang, LANGUAGES } from '../../domain/language-codes.js';
import { useI18n } from '../i18n/i18n-context.js';
import { ENDONYMS } from '../i18n/messages.js';

export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <div className="language-switch">
      <label htmlFor="ui-language">{t('lang.label')}</label>
      <select
        id="ui-language"
        value={lang}
        onChange={(event) => {
          const next = event.target.value;
          if (isLang(next)) setLang(next);
        }}
      >
        {LANGUAGES.map((code) => (
          <option key={code} value={code} lang={code}>
            {ENDONYMS[code]}
          </option>
        ))}
      </select>
    </div>
  );
}
