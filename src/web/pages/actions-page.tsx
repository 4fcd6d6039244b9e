/**
 * `/actions`: the 2010 Action Plan grouped by pillar, filterable by pillar (?pillar=). Summaries
 * are ours, not the Conference's wording, and the page says so before any of them.
 */
import { api } from '../api-client.js';
import type { Action } from '../api-types.js';
import { Keywords, useActionLabel } from '../components/action-labels.js';
import { FallbackMark } from '../components/fallback-mark.js';
import { Link } from '../components/link.js';
import { Async } from '../components/status-views.js';
import { useI18n, useTextAttrs } from '../i18n/i18n-context.js';
import { pick } from '../localized.js';
import { isPillar, PILLARS } from '../pillars.js';
import { setQuery, useLocation } from '../router.js';
import { useApi } from '../use-api.js';
import { useDocumentTitle } from '../use-document-title.js';

export function ActionsPage() {
  const { t, formatNumber } = useI18n();
  useDocumentTitle(t('actions.title'));
  const { query } = useLocation();
  const rawPillar = query.get('pillar');
  const pillar = isPillar(rawPillar) ? rawPillar : undefined;
  const [actions, retry] = useApi(`actions:${pillar ?? ''}`, (signal) =>
    api.actions({ pillar }, signal),
  );
  return (
    <div>
      <h1>{t('actions.title')}</h1>
      <p className="lede">{t('actions.intro')}</p>
      <p className="notice" id="actions-disclaimer">
        {t('actions.disclaimer')}
      </p>
      <form className="filters" onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label htmlFor="actions-pillar">{t('actions.pillar')}</label>
          <select
            id="actions-pillar"
            value={pillar ?? ''}
            onChange={(event) => setQuery({ pillar: event.target.value })}
          >
            <option value="">{t('actions.allPillars')}</option>
            {PILLARS.map((value) => (
              <option key={value} value={value}>
                {t(`pillar.${value}`)}
              </option>
            ))}
          </select>
        </div>
      </form>
      <Async remote={actions} retry={retry}>
        {(data) => (
          <>
            <p className="count">{t('common.shown', { count: formatNumber(data.length) })}</p>
            {PILLARS.map((section) => {
              const inSection = data.filter((action) => action.pillar === section);
              return inSection.length === 0 ? null : (
                <section key={section} className="section" aria-labelledby={`pillar-${section}`}>
                  <h2 id={`pillar-${section}`}>{t(`pillar.${section}`)}</h2>
                  <ol className="action-list">
                    {inSection.map((action) => (
                      <ActionEntry key={action.id} action={action} />
                    ))}
                  </ol>
                </section>
              );
            })}
          </>
        )}
      </Async>
    </div>
  );
}

function ActionEntry({ action }: { readonly action: Action }) {
  const { t, lang } = useI18n();
  const label = useActionLabel();
  const textAttrs = useTextAttrs();
  const summary = pick(action.summary, lang);
  const section = pick(action.subsection.title, lang);
  return (
    <li className="action-entry">
      <div className="action-entry-head">
        <Link href={`/actions/${action.id}`} className="action-number">
          {label(action)}
        </Link>
        <span className="action-section">
          <span className="code">{action.subsection.code}</span>{' '}
          <span {...textAttrs(section.lang)}>{section.value}</span>
          {section.fallback && <FallbackMark />}
        </span>
      </div>
      <p
        className="action-summary"
        {...textAttrs(summary.lang)}
        aria-describedby="actions-disclaimer"
      >
        {summary.value}
        {summary.fallback && <FallbackMark />}
      </p>
      <Keywords words={action.keywords[lang]} label={t('action.keywords')} />
    </li>
  );
}
