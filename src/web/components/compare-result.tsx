/**
 * A comparison shown: its two texts named, the figures, the redline downloads (for texts the
 * comparison page named by address; a report's versions have none), then the
 * paragraphs in reading order with what happened to each. Unchanged paragraphs are folded into
 * one line per stretch by default (the changes are what the reader came for), and one switch
 * unfolds them all.
 */
import { useState } from 'react';
import { isLang } from '../../domain/language-codes.js';
import { useI18n } from '../i18n/i18n-context.js';
import type { CompareAddress } from '../router.js';
import { redlineUrl, type Change, type Comparison } from './compare-api.js';
import { CompareChange, textAttrs } from './compare-change.js';
import { CompareSummary } from './compare-summary.js';

type Group =
  | { readonly kind: 'one'; readonly index: number }
  | { readonly kind: 'unchanged'; readonly start: number; readonly count: number };

/** Changes with each stretch of unchanged paragraphs taken together. */
function grouped(changes: readonly Change[]): Group[] {
  const groups: Group[] = [];
  changes.forEach((change, index) => {
    const last = groups.at(-1);
    if (change.kind !== 'equal') groups.push({ kind: 'one', index });
    else if (last?.kind === 'unchanged')
      groups[groups.length - 1] = { ...last, count: last.count + 1 };
    else groups.push({ kind: 'unchanged', start: index, count: 1 });
  });
  return groups;
}

/** A file name without the symbol's slashes, which file systems refuse. */
const fileBase = (label: string) => label.replace(/[^\p{L}\p{N}.@]+/gu, '-').replace(/^-|-$/gu, '');

export function CompareResult({
  comparison,
  address,
}: {
  readonly comparison: Comparison;
  /** The comparison page's address, which the redline downloads repeat. */
  readonly address?: CompareAddress | undefined;
}) {
  const { t } = useI18n();
  const [showUnchanged, setShowUnchanged] = useState(false);
  const { older, newer, across } = comparison;
  const unchanged = comparison.changes.filter((c) => c.kind === 'equal').length;
  const base = `${fileBase(newer.label)}-redline`;

  return (
    <section className="compare-result" aria-labelledby="compare-result-title">
      <h2 id="compare-result-title">
        {/* Isolated, so a symbol's slashes keep their order in an Arabic page. */}
        <bdi>{older.label}</bdi> → <bdi>{newer.label}</bdi>
      </h2>
      {newer.title !== null && (
        <p className="record-subtitle" {...textAttrs(newer.lang)}>
          {newer.title}
        </p>
      )}
      <CompareSummary summary={comparison.summary} />
      <div className="compare-toolbar">
        {address !== undefined && (
          <>
            <a
              className="download-link"
              href={redlineUrl(address, 'html')}
              download={`${base}.html`}
            >
              {t('compare.downloadHtml')}
            </a>
            <a
              className="download-link"
              href={redlineUrl(address, 'docx')}
              download={`${base}.docx`}
            >
              {t('compare.downloadDocx')}
            </a>
          </>
        )}
        {unchanged > 0 && (
          <button
            type="button"
            className="button button-quiet"
            aria-pressed={showUnchanged}
            onClick={() => setShowUnchanged(!showUnchanged)}
          >
            {t('compare.showUnchanged', { count: unchanged })}
          </button>
        )}
      </div>
      {unchanged === comparison.changes.length && <p className="notice">{t('compare.same')}</p>}
      {across !== undefined && (
        // The columns' languages, for sighted readers; each cell names its own for screen readers.
        <div className="compare-columns" aria-hidden="true">
          <span />
          <span>{isLang(newer.lang) ? t(`langName.${newer.lang}`) : newer.lang}</span>
          <span>{t(`langName.${across.lang}`)}</span>
        </div>
      )}
      <ol className={across === undefined ? 'compare-list' : 'compare-list with-across'}>
        {grouped(comparison.changes).flatMap((group) => {
          if (group.kind === 'one')
            return [
              <CompareChange
                key={group.index}
                change={comparison.changes[group.index]!}
                index={group.index}
                comparison={comparison}
              />,
            ];
          if (!showUnchanged)
            return [
              <li key={`u${group.start}`} className="change change-folded">
                <button
                  type="button"
                  className="link-button"
                  onClick={() => setShowUnchanged(true)}
                >
                  {t('compare.folded', { count: group.count })}
                </button>
              </li>,
            ];
          return comparison.changes
            .slice(group.start, group.start + group.count)
            .map((change, offset) => (
              <CompareChange
                key={group.start + offset}
                change={change}
                index={group.start + offset}
                comparison={comparison}
              />
            ));
        })}
      </ol>
    </section>
  );
}
