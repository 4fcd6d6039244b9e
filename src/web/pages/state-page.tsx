/**
 * `/states/{id}`: one State — its names in the six languages, codes, UN status, variant names,
 * dated group memberships, its standing towards the treaties on a day, each with its source, and
 * the Action Plan monitoring about it (evidence and assessments).
 */
import { displayName, stateName } from '../../domain/model.js';
import { api } from '../api-client.js';
import type { GroupSummary, StateDetail } from '../api-types.js';
import { Link } from '../components/link.js';
import { StateMonitoring } from '../components/monitoring-state-section.js';
import { SixLanguageTable } from '../components/six-language-table.js';
import { StateTreaties } from '../components/state-treaties.js';
import { TableSection } from '../components/table-section.js';
import { Async } from '../components/status-views.js';
import { useI18n, useTextAttrs } from '../i18n/i18n-context.js';
import { ENDONYMS } from '../i18n/messages.js';
import { useApi } from '../use-api.js';
import { useDocumentTitle } from '../use-document-title.js';

export function StatePage({ id }: { readonly id: string }) {
  const { t, lang } = useI18n();
  const [state, retry] = useApi(`state:${id}`, (signal) => api.state(id, signal));
  const [groups] = useApi('groups', (signal) => api.groups(signal));
  useDocumentTitle(
    state.status === 'ok'
      ? stateName(state.data, lang)
      : state.status === 'error' && state.error.isNotFound
        ? t('view.notFound.title')
        : t('states.title'),
  );
  return (
    <div>
      <p className="breadcrumb">
        <Link href="/states">{t('state.back')}</Link>
      </p>
      <Async remote={state} retry={retry} notFoundMessage={t('state.notFound', { id })}>
        {(data) => <StateView state={data} groups={groups.status === 'ok' ? groups.data : []} />}
      </Async>
    </div>
  );
}

function StateView({
  state,
  groups,
}: {
  readonly state: StateDetail;
  readonly groups: readonly GroupSummary[];
}) {
  const { t, lang } = useI18n();
  const textAttrs = useTextAttrs();
  const names = state.names[lang];
  return (
    <article className="record">
      <header className="record-header">
        <h1>{stateName(state, lang)}</h1>
        <p className="record-subtitle">{capitalize(names.formal, lang)}</p>
      </header>
      <dl className="facts facts-grid">
        <div>
          <dt>{t('col.status')}</dt>
          <dd>{t(`status.${state.status}`)}</dd>
        </div>
        <div>
          <dt>{t('code.alpha3')}</dt>
          <dd className="code">{state.id}</dd>
        </div>
        <div>
          <dt>{t('code.alpha2')}</dt>
          <dd className="code">{state.alpha2}</dd>
        </div>
        <div>
          <dt>{t('code.numeric')}</dt>
          <dd className="code">{state.numeric}</dd>
        </div>
        <div>
          <dt>{t('code.m49')}</dt>
          <dd className="code">{state.m49}</dd>
        </div>
      </dl>
      <section className="section" aria-labelledby="names-title">
        <h2 id="names-title">{t('state.names')}</h2>
        <SixLanguageTable
          labelledBy="names-title"
          values={state.names}
          columns={[
            { header: t('col.short'), cell: (name) => displayName(name.short) },
            { header: t('col.formal'), cell: (name) => name.formal },
          ]}
        />
      </section>
      <Variants state={state} />
      <Memberships state={state} groups={groups} />
      <StateTreaties stateId={state.id} />
      <StateMonitoring stateId={state.id} />
      <p className="source">
        {t('common.source')}: <span {...textAttrs('en')}>{state.source}</span>
      </p>
    </article>
  );
}

/** Formal names are stored as used mid-sentence ("the French Republic"); a subtitle starts a line. */
function capitalize(text: string, lang: string): string {
  return text.charAt(0).toLocaleUpperCase(lang) + text.slice(1);
}

function Variants({ state }: { readonly state: StateDetail }) {
  const { t } = useI18n();
  const textAttrs = useTextAttrs();
  return (
    <TableSection
      id="variants-title"
      title={t('state.variants')}
      empty={t('state.noVariants')}
      headers={[t('col.name'), t('col.language'), t('col.kind'), t('col.source')]}
      rows={state.variants}
      rowKey={(variant) => `${variant.lang}:${variant.name}`}
      renderRow={(variant) => (
        <>
          <td {...textAttrs(variant.lang)}>{variant.name}</td>
          <td lang={variant.lang}>{ENDONYMS[variant.lang]}</td>
          <td>{t(`variant.${variant.kind}`)}</td>
          <td className="source-cell" {...textAttrs('en')}>
            {variant.source}
          </td>
        </>
      )}
    />
  );
}

function Memberships({
  state,
  groups,
}: {
  readonly state: StateDetail;
  readonly groups: readonly GroupSummary[];
}) {
  const { t, lang, formatDate } = useI18n();
  const textAttrs = useTextAttrs();
  const groupName = (id: string) => groups.find((g) => g.id === id)?.names[lang] ?? id;
  return (
    <TableSection
      id="memberships-title"
      title={t('state.memberships')}
      empty={t('state.noMemberships')}
      headers={[t('col.group'), t('col.from'), t('col.to'), t('col.source')]}
      rows={state.memberships}
      rowKey={(m) => `${m.group}:${m.from ?? ''}`}
      renderRow={(m) => (
        <>
          <th scope="row">
            <Link href={`/states?group=${encodeURIComponent(m.group)}`}>{groupName(m.group)}</Link>
            {m.note !== undefined && (
              <span className="cell-note" {...textAttrs('en')}>
                {m.note}
              </span>
            )}
          </th>
          <td className="nowrap">
            {m.from === null ? t('membership.noDate') : formatDate(m.from)}
          </td>
          <td className="nowrap">{m.to === null ? t('membership.current') : formatDate(m.to)}</td>
          <td className="source-cell" {...textAttrs('en')}>
            {m.source}
          </td>
        </>
      )}
    />
  );
}
