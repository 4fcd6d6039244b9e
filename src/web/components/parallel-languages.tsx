/**
 * The reader's column picker: the languages shown, in order (the first is the reference the
 * others are aligned with), each movable and removable, and a menu to add one of the document's
 * other languages. Two or three columns: a third is the most a screen can hold side by side.
 */
import type { Lang } from '../../domain/language-codes.js';
import { isLang } from '../../domain/language-codes.js';
import { useI18n } from '../i18n/i18n-context.js';
import { MAX_PARALLEL_LANGS } from '../router.js';

function moved(langs: readonly Lang[], from: number, to: number): Lang[] {
  const next = [...langs];
  const [lang] = next.splice(from, 1);
  if (lang !== undefined) next.splice(to, 0, lang);
  return next;
}

export function ParallelLanguages({
  shown,
  available,
  onChange,
}: {
  readonly shown: readonly Lang[];
  /** The languages the document has, in UN order. */
  readonly available: readonly Lang[];
  readonly onChange: (langs: Lang[]) => void;
}) {
  const { t } = useI18n();
  const addable = available.filter((lang) => !shown.includes(lang));
  const full = shown.length >= MAX_PARALLEL_LANGS;
  return (
    <fieldset className="parallel-langs">
      <legend>{t('parallel.columns')}</legend>
      <ol className="parallel-lang-list">
        {shown.map((lang, index) => {
          const name = t(`langName.${lang}`);
          return (
            <li key={lang} className="parallel-lang">
              <span className="parallel-lang-name">
                {name}
                {index === 0 && <span className="pivot-mark">{t('parallel.pivot')}</span>}
              </span>
              <button
                type="button"
                className="icon-button flip"
                aria-label={t('parallel.earlier', { lang: name })}
                title={t('parallel.earlier', { lang: name })}
                disabled={index === 0}
                onClick={() => onChange(moved(shown, index, index - 1))}
              >
                <span aria-hidden="true">‹</span>
              </button>
              <button
                type="button"
                className="icon-button flip"
                aria-label={t('parallel.later', { lang: name })}
                title={t('parallel.later', { lang: name })}
                disabled={index === shown.length - 1}
                onClick={() => onChange(moved(shown, index, index + 1))}
              >
                <span aria-hidden="true">›</span>
              </button>
              <button
                type="button"
                className="icon-button"
                aria-label={t('parallel.remove', { lang: name })}
                title={t('parallel.remove', { lang: name })}
                // Fewer than two columns is not a side-by-side view.
                disabled={shown.length <= 2}
                onClick={() => onChange(shown.filter((l) => l !== lang))}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          );
        })}
      </ol>
      <div className="parallel-add">
        <label htmlFor="parallel-add">{t('parallel.add')}</label>
        <select
          id="parallel-add"
          value=""
          disabled={full || addable.length === 0}
          onChange={(event) => {
            const lang = event.target.value;
            if (isLang(lang)) onChange([...shown, lang]);
          }}
        >
          <option value="">{full ? t('parallel.addFull') : t('parallel.addChoose')}</option>
          {addable.map((lang) => (
            <option key={lang} value={lang}>
              {t(`langName.${lang}`)}
            </option>
          ))}
        </select>
      </div>
    </fieldset>
  );
}
