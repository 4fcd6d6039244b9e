/**
 * Choosing what to read: a tab per language version (named in the UI language, the original
 * marked), a version picker when a language has more than one version or revision, and a notice
 * on a superseded version that points to the current one.
 */
import type { Lang, TextLang, Work, WorkExpression } from '../api-types.js';
import { documentHref, textLangs } from '../document-names.js';
import { useI18n } from '../i18n/i18n-context.js';
import { navigate } from '../router.js';
import { Link } from './link.js';

export function LanguageTabs({
  work,
  textLang,
  original,
  eId,
}: {
  readonly work: Work;
  readonly textLang: TextLang;
  readonly original: Lang | null;
  /** The paragraph the reader is on, kept when switching language so it stays in view. */
  readonly eId: string;
}) {
  const { t } = useI18n();
  return (
    <nav className="lang-tabs" aria-label={t('document.languages')}>
      <ul>
        {textLangs(work.expressions).map((code) => {
          const current = code === textLang;
          return (
            <li key={code}>
              <Link
                href={documentHref(work.id, { lang: code, eId })}
                aria-current={current ? 'page' : undefined}
                className={current ? 'current' : undefined}
              >
                {t(`langName.${code}`)}
                {code === original && <span className="original-mark">{t('lang.original')}</span>}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

function hrefFor(work: Work, expression: WorkExpression): string {
  return documentHref(work.id, {
    lang: expression.lang,
    revision: expression.revision,
    // The current version's address is the plain one, so shared links follow later versions.
    version: expression.current ? undefined : expression.version,
  });
}

export function VersionPicker({
  work,
  shown,
}: {
  readonly work: Work;
  readonly shown: WorkExpression;
}) {
  const { t, formatDate } = useI18n();
  const versions = work.expressions.filter((e) => e.lang === shown.lang);
  if (versions.length < 2 && versions.every((e) => e.version === 1)) return null;
  const label = (e: WorkExpression) =>
    [
      e.revision,
      e.current
        ? t('document.versionCurrent', { number: e.version })
        : t('document.versionSuperseded', { number: e.version }),
      formatDate(e.manifestation.ingestedAt.slice(0, 10)),
    ]
      .filter((part) => part !== '')
      .join(' · ');
  return (
    <div className="field version-field">
      <label htmlFor="doc-version">{t('document.version')}</label>
      <select
        id="doc-version"
        value={shown.id}
        onChange={(event) => {
          const chosen = versions.find((e) => e.id === event.target.value);
          if (chosen !== undefined) navigate(hrefFor(work, chosen));
        }}
      >
        {versions.map((e) => (
          <option key={e.id} value={e.id}>
            {label(e)}
          </option>
        ))}
      </select>
    </div>
  );
}

export function SupersededNotice({
  work,
  shown,
}: {
  readonly work: Work;
  readonly shown: WorkExpression;
}) {
  const { t } = useI18n();
  if (shown.current) return null;
  const current = work.expressions.find(
    (e) => e.lang === shown.lang && e.revision === shown.revision && e.current,
  );
  return (
    <p className="notice superseded">
      {t('document.superseded', { number: shown.version })}{' '}
      {current !== undefined && (
        <Link href={hrefFor(work, current)}>{t('document.readCurrent')}</Link>
      )}
    </p>
  );
}
