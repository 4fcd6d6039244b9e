/**
 * The languages a document exists in, as small code badges (AR ZH EN …) in UN order. The original
 * language is filled in; each badge's full name is spoken and shown on hover, as codes alone mean
 * little to a screen-reader user.
 */
import type { Lang, TextLang } from '../api-types.js';
import { useI18n } from '../i18n/i18n-context.js';

export function LanguageBadges({
  languages,
  original,
}: {
  readonly languages: readonly TextLang[];
  readonly original: Lang | null;
}) {
  const { t } = useI18n();
  return (
    <ul className="lang-badges">
      {languages.map((code) => {
        const name = t(`langName.${code}`);
        const label = code === original ? `${name} (${t('lang.original')})` : name;
        return (
          <li
            key={code}
            className={code === original ? 'lang-badge original' : 'lang-badge'}
            title={label}
          >
            <span aria-hidden="true">{code === 'und' ? '?' : code.toUpperCase()}</span>
            <span className="visually-hidden">{label}</span>
          </li>
        );
      })}
    </ul>
  );
}
