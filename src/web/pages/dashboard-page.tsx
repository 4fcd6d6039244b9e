/**
 * `/`: where the review cycle stands today. The overview endpoint gives the counts and the
 * cycle's meetings; the per-pillar action counts come from the actions list.
 */
import { api } from '../api-client.js';
import type { Action, Overview } from '../api-types.js';
import { CycleTimeline } from '../components/cycle-timeline.js';
import { Link } from '../components/link.js';
import { MeetingCard } from '../components/meeting-card.js';
import { Async } from '../components/status-views.js';
import { useI18n } from '../i18n/i18n-context.js';
import type { PlainKey } from '../i18n/messages.js';
import { PILLARS } from '../pillars.js';
import { useApi } from '../use-api.js';
import { useDocumentTitle } from '../use-document-title.js';

export function DashboardPage() {
  const { t } = useI18n();
  useDocumentTitle(t('dashboard.title'));
  const [overview, retryOverview] = useApi('overview', (signal) => api.overview(signal));
  const [actions, retryActions] = useApi('actions', (signal) => api.actions({}, signal));
  return (
    <div className="dashboard">
      <h1>{t('dashboard.title')}</h1>
      <p className="lede">{t('dashboard.intro')}</p>
      <Async remote={overview} retry={retryOverview}>
        {(data) => <CycleSection overview={data} />}
      </Async>
      <section aria-labelledby="pillars-title" className="section">
        <h2 id="pillars-title">{t('dashboard.pillars')}</h2>
        <p className="muted">{t('dashboard.pillarsIntro')}</p>
        <Async remote={actions} retry={retryActions}>
          {(data) => <PillarCards actions={data} />}
        </Async>
      </section>
    </div>
  );
}

function CycleSection({ overview }: { readonly overview: Overview }) {
  const { t } = useI18n();
  const { nextMeeting, lastMeeting, currentCycle } = overview;
  return (
    <>
      {currentCycle !== null && overview.cycleMeetings.length > 0 && (
        <section aria-labelledby="cycle-title" className="section">
          <h2 id="cycle-title">{t('dashboard.cycle', { year: currentCycle })}</h2>
          <CycleTimeline
            meetings={overview.cycleMeetings}
            today={overview.today}
            nextId={nextMeeting?.id}
            lastId={nextMeeting === null ? lastMeeting?.id : undefined}
            labelledBy="cycle-title"
          />
        </section>
      )}
      {nextMeeting !== null ? (
        <div className="two-columns section">
          <section aria-labelledby="next-title">
            <h2 id="next-title">{t('dashboard.next')}</h2>
            <MeetingCard meeting={nextMeeting} highlight />
          </section>
          {lastMeeting !== null && (
            <section aria-labelledby="last-title">
              <h2 id="last-title">{t('dashboard.last')}</h2>
              <MeetingCard meeting={lastMeeting} highlight={false} />
            </section>
          )}
        </div>
      ) : (
        // Between cycles nothing is scheduled: say so, and put the last meeting in its place.
        <section aria-labelledby="next-title" className="section">
          <h2 id="next-title">{t('dashboard.next')}</h2>
          <p className="empty">{t('dashboard.noNext')}</p>
          {lastMeeting !== null && (
            <>
              <h3>{t('dashboard.last')}</h3>
              <MeetingCard meeting={lastMeeting} highlight />
            </>
          )}
        </section>
      )}
      <Counts counts={overview.counts} />
    </>
  );
}

function Counts({ counts }: { readonly counts: Overview['counts'] }) {
  const { t, formatNumber } = useI18n();
  const tiles: readonly { value: number; label: PlainKey; href: string; note?: PlainKey }[] = [
    { value: counts.states, label: 'count.states', href: '/states', note: 'area.states' },
    { value: counts.nptParties, label: 'count.nptParties', href: '/states?group=NPT' },
    { value: counts.actions, label: 'count.actions', href: '/actions', note: 'area.actions' },
    { value: counts.meetings, label: 'count.meetings', href: '/meetings', note: 'area.meetings' },
    {
      value: counts.instruments,
      label: 'count.instruments',
      href: '/instruments',
      note: 'area.instruments',
    },
  ];
  return (
    <section aria-labelledby="counts-title" className="section">
      <h2 id="counts-title">{t('dashboard.counts')}</h2>
      <ul className="tiles">
        {tiles.map((tile) => (
          <li key={tile.label}>
            <Link href={tile.href} className="tile">
              <span className="tile-value">{formatNumber(tile.value)}</span>
              <span className="tile-label">{t(tile.label)}</span>
              {tile.note !== undefined && <span className="tile-note">{t(tile.note)}</span>}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

function PillarCards({ actions }: { readonly actions: readonly Action[] }) {
  const { t, formatNumber } = useI18n();
  return (
    <ul className="pillars">
      {PILLARS.map((pillar) => {
        const inPillar = actions.filter((action) => action.pillar === pillar);
        const numbers = inPillar.flatMap((action) =>
          action.number === null ? [] : [action.number],
        );
        const range =
          numbers.length > 0
            ? t('action.range', {
                from: formatNumber(Math.min(...numbers)),
                to: formatNumber(Math.max(...numbers)),
              })
            : null;
        return (
          <li key={pillar} className={`pillar pillar-${pillar}`}>
            <Link href={`/actions?pillar=${pillar}`} className="pillar-link">
              <span className="pillar-name">{t(`pillar.${pillar}`)}</span>
              <span className="pillar-count">
                {t('dashboard.actionCount', { count: formatNumber(inPillar.length) })}
              </span>
              {range !== null && <span className="pillar-range">{range}</span>}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
