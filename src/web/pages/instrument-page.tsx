/**
 * `/instruments/{id}`: one instrument — titles in the six languages, signature, entry into force
 * (with our plain-language statement of the rule, marked as ours), depositaries and text, then
 * who takes part on a chosen day (`?asOf=`), computed by the server from dated events.
 */
import { api } from '../api-client.js';
import type { Instrument } from '../api-types.js';
import { InstrumentParticipation } from '../components/instrument-participation.js';
import { Link } from '../components/link.js';
import { SixLanguageTable } from '../components/six-language-table.js';
import { Async } from '../components/status-views.js';
import { useI18n, useTextAttrs } from '../i18n/i18n-context.js';
import { useApi } from '../use-api.js';
import { useDocumentTitle } from '../use-document-title.js';

export function InstrumentPage({ id }: { readonly id: string }) {
  const { t, lang } = useI18n();
  const [instrument, retry] = useApi(`instrument:${id}`, (signal) => api.instrument(id, signal));
  useDocumentTitle(
    instrument.status === 'ok'
      ? instrument.data.names[lang].short
      : instrument.status === 'error' && instrument.error.isNotFound
        ? t('view.notFound.title')
        : t('instruments.title'),
  );
  return (
    <div>
      <p className="breadcrumb">
        <Link href="/instruments">{t('instruments.back')}</Link>
      </p>
      <Async remote={instrument} retry={retry} notFoundMessage={t('instruments.notFound', { id })}>
        {(data) => <InstrumentView instrument={data} />}
      </Async>
    </div>
  );
}

function InstrumentView({ instrument }: { readonly instrument: Instrument }) {
  const { t, lang, formatDate } = useI18n();
  const textAttrs = useTextAttrs();
  const names = instrument.names[lang];
  const opened = instrument.openedForSignature;
  return (
    <article className="record">
      <header className="record-header">
        <h1>{names.short}</h1>
        <p className="record-subtitle">{names.full}</p>
      </header>
      <dl className="facts facts-stacked">
        <div>
          <dt>{t('col.kind')}</dt>
          <dd>{t(`instrument.kind.${instrument.kind}`)}</dd>
        </div>
        {instrument.parent !== null && (
          <div>
            <dt>{t('instrument.parent')}</dt>
            <dd>
              <Link href={`/instruments/${instrument.parent}`}>{instrument.parent}</Link>
            </dd>
          </div>
        )}
        <div>
          <dt>{t('instrument.opened')}</dt>
          <dd>
            {opened === null
              ? t('common.notRecorded')
              : t('instrument.openedAt', { date: formatDate(opened.date), place: opened.place })}
          </dd>
        </div>
        <div>
          <dt>{t('col.entryIntoForce')}</dt>
          <dd>
            {instrument.entryIntoForce === null
              ? t('instrument.notInForce')
              : formatDate(instrument.entryIntoForce)}
          </dd>
        </div>
        <div>
          <dt>{t('instrument.rule')}</dt>
          <dd {...textAttrs('en')}>{instrument.entryIntoForceRule}</dd>
        </div>
        <div>
          <dt>{t('instrument.depositaries')}</dt>
          <dd {...(instrument.depositaries.length === 0 ? {} : textAttrs('en'))}>
            {instrument.depositaries.length === 0
              ? t('common.none')
              : instrument.depositaries.join('; ')}
          </dd>
        </div>
        {instrument.textReference !== null && (
          <div>
            <dt>{t('instrument.textReference')}</dt>
            <dd>
              <span className="symbol" dir="ltr">
                {instrument.textReference}
              </span>
            </dd>
          </div>
        )}
      </dl>
      <InstrumentParticipation instrument={instrument} />
      <section className="section" aria-labelledby="titles-title">
        <h2 id="titles-title">{t('instrument.names')}</h2>
        <SixLanguageTable
          labelledBy="titles-title"
          values={instrument.names}
          columns={[
            { header: t('col.short'), cell: (name) => name.short },
            { header: t('col.fullName'), cell: (name) => name.full },
          ]}
        />
      </section>
      <p className="source">
        {t('common.source')}: <span {...textAttrs('en')}>{instrument.source}</span>
      </p>
    </article>
  );
}
