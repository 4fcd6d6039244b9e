/**
 * The server's drawings of an instrument's participation: a world map of status on the day and
 * the numbers of signatories and parties over time. Plain <img> elements (the CSP allows images
 * from 'self'), labelled in the UI language; the table of States is their text alternative.
 */
import { useState } from 'react';
import { instrumentMapUrl, instrumentTimelineUrl } from '../api-client.js';
import { useI18n } from '../i18n/i18n-context.js';

function Chart({
  src,
  alt,
  caption,
  width,
  height,
}: {
  readonly src: string;
  readonly alt: string;
  readonly caption: string;
  readonly width: number;
  readonly height: number;
}) {
  const { t } = useI18n();
  // Remembers which address failed, so a new day (a new address) tries again.
  const [failed, setFailed] = useState<string | null>(null);
  return (
    <figure className="chart">
      <figcaption>{caption}</figcaption>
      {failed === src ? (
        <p className="empty">{t('chart.failed')}</p>
      ) : (
        <img
          src={src}
          alt={alt}
          width={width}
          height={height}
          loading="lazy"
          decoding="async"
          onError={() => setFailed(src)}
        />
      )}
    </figure>
  );
}

export function ParticipationCharts({
  instrumentId,
  instrumentName,
  asOf,
}: {
  readonly instrumentId: string;
  readonly instrumentName: string;
  readonly asOf: string;
}) {
  const { t, lang, formatDate } = useI18n();
  return (
    <div className="charts">
      <Chart
        src={instrumentMapUrl(instrumentId, asOf, lang)}
        alt={t('chart.mapAlt', { instrument: instrumentName, date: formatDate(asOf) })}
        caption={t('chart.map')}
        width={960}
        height={534}
      />
      <Chart
        src={instrumentTimelineUrl(instrumentId, asOf, lang)}
        alt={t('chart.timelineAlt', { instrument: instrumentName, date: formatDate(asOf) })}
        caption={t('chart.timeline')}
        width={960}
        height={360}
      />
    </div>
  );
}
