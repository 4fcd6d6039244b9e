/**
 * `/actions/{id}`: one action with whom it addresses, the Treaty articles and instruments it
 * concerns, its keywords in the six languages, the evidence for it in the documents on record
 * and the document it comes from.
 */
import { ActionInstrumentStatus } from '../components/action-instrument-status.js';
import { stateName } from '../../domain/model.js';
import { api } from '../api-client.js';
import type { Action, Instrument, State } from '../api-types.js';
import { useActionLabel } from '../components/action-labels.js';
import { FallbackMark } from '../components/fallback-mark.js';
import { Link } from '../components/link.js';
import { ActionEvidence } from '../components/monitoring-action-evidence.js';
import { SixLanguageTable } from '../components/six-language-table.js';
import { Async } from '../components/status-views.js';
import { useI18n, useTextAttrs } from '../i18n/i18n-context.js';
import { pick } from '../localized.js';
import { useApi } from '../use-api.js';
import { useDocumentTitle } from '../use-document-title.js';

export function ActionPage({ id }: { readonly id: string }) {
  const { t } = useI18n();
  const label = useActionLabel();
  const [action, retry] = useApi(`action:${id}`, (signal) => api.action(id, signal));
  const [instruments] = useApi('instruments', (signal) => api.instruments(signal));
  // States are only needed to name the addressees of the few actions that name States.
  const named =
    action.status === 'ok' && action.data.addressees.some((a) => (a.states ?? []).length > 0);
  const [states] = useApi(named ? 'states' : 'no-states', (signal) =>
    named ? api.states({}, signal) : Promise.resolve([]),
  );
  useDocumentTitle(
    action.status === 'ok'
      ? label(action.data)
      : action.status === 'error' && action.error.isNotFound
        ? t('view.notFound.title')
        : t('actions.title'),
  );
  return (
    <div>
      <p className="breadcrumb">
        <Link href="/actions">{t('action.back')}</Link>
      </p>
      <Async remote={action} retry={retry} notFoundMessage={t('action.notFound', { id })}>
        {(data) => (
          <ActionView
            action={data}
            instruments={instruments.status === 'ok' ? instruments.data : []}
            states={states.status === 'ok' ? states.data : []}
          />
        )}
      </Async>
    </div>
  );
}

function ActionView({
  action,
  instruments,
  states,
}: {
  readonly action: Action;
  readonly instruments: readonly Instrument[];
  readonly states: readonly State[];
}) {
  const { t, lang } = useI18n();
  const label = useActionLabel();
  const textAttrs = useTextAttrs();
  const summary = pick(action.summary, lang);
  const section = pick(action.subsection.title, lang);
  const instrumentName = (id: string) => {
    const found = instruments.find((i) => i.id === id);
    return found === undefined ? id : found.names[lang].short;
  };
  const nameOf = (id: string) => {
    const found = states.find((s) => s.id === id);
    return found === undefined ? id : stateName(found, lang);
  };
  return (
    <article className="record">
      <header className="record-header">
        <h1>{label(action)}</h1>
        <p className="record-subtitle">
          {t(`pillar.${action.pillar}`)} · <span className="code">{action.subsection.code}</span>{' '}
          <span {...textAttrs(section.lang)}>{section.value}</span>
          {section.fallback && <FallbackMark />}
        </p>
      </header>
      <section className="section" aria-labelledby="summary-title">
        <h2 id="summary-title">{t('action.summary')}</h2>
        <p className="notice">{t('actions.disclaimer')}</p>
        <p className="action-summary large" {...textAttrs(summary.lang)}>
          {summary.value}
          {summary.fallback && <FallbackMark />}
        </p>
      </section>
      <dl className="facts facts-stacked">
        <div>
          <dt>{t('action.addressees')}</dt>
          <dd>
            <ul className="plain-list">
              {action.addressees.map((addressee, index) => (
                <li key={`${addressee.kind}:${index}`}>
                  {t(`addressee.${addressee.kind}`)}
                  {(addressee.states ?? []).length > 0 && (
                    <>
                      {': '}
                      {(addressee.states ?? []).map((stateId, i) => (
                        <span key={stateId}>
                          {i > 0 && ', '}
                          <Link href={`/states/${stateId}`}>{nameOf(stateId)}</Link>
                        </span>
                      ))}
                    </>
                  )}
                  {addressee.note !== undefined && (
                    <span className="cell-note" {...textAttrs('en')}>
                      {addressee.note}
                    </span>
                  )}
                </li>
              ))}
            </ul>
          </dd>
        </div>
        <div>
          <dt>{t('action.articles')}</dt>
          <dd>
            {action.articles.length === 0
              ? t('common.none')
              : action.articles
                  .map((article) => t('action.article', { number: article }))
                  .join(', ')}
          </dd>
        </div>
        <div>
          <dt>{t('action.instruments')}</dt>
          <dd>
            {action.instruments.length === 0 ? (
              t('common.none')
            ) : (
              <ul className="plain-list">
                {action.instruments.map((id) => (
                  <li key={id}>
                    <Link href={`/instruments/${id}`}>{instrumentName(id)}</Link>
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
      </dl>
      <section className="section" aria-labelledby="keywords-title">
        <h2 id="keywords-title">{t('action.keywordsAll')}</h2>
        <SixLanguageTable
          labelledBy="keywords-title"
          values={action.keywords}
          columns={[{ header: t('action.keywords'), cell: (words) => words.join(' · ') }]}
        />
      </section>
      <ActionInstrumentStatus action={action} />
      <ActionEvidence action={action} />
      <p className="source">
        {t('common.source')}:{' '}
        <span className="symbol" dir="ltr" lang="en">
          {action.source}
        </span>
      </p>
    </article>
  );
}
