/**
 * `/compare?older=…&newer=…&in=…&across=…`: what changed between two texts in one language —
 * two documents (successive yearly statements, say) or two versions of one (`…@1`, `…@2`). The
 * address holds the comparison, so it can be shared; the form writes it there.
 */
import { useMemo } from 'react';
import { fetchComparison } from '../components/compare-api.js';
import { CompareForm } from '../components/compare-form.js';
import { CompareResult } from '../components/compare-result.js';
import { Async } from '../components/status-views.js';
import { useI18n } from '../i18n/i18n-context.js';
import {
  compareHref,
  navigate,
  readCompareQuery,
  useLocation,
  type CompareAddress,
} from '../router.js';
import { useApi } from '../use-api.js';
import { useDocumentTitle } from '../use-document-title.js';

export function ComparePage() {
  const { t } = useI18n();
  const { query } = useLocation();
  const address = useMemo(() => readCompareQuery(query), [query]);
  const ready = address.older !== '' && address.newer !== '';
  useDocumentTitle(
    ready
      ? t('compare.titleFor', { older: address.older, newer: address.newer })
      : t('compare.title'),
  );
  return (
    <div className="compare-page">
      <h1>{t('compare.title')}</h1>
      <p className="lede">{t('compare.intro')}</p>
      {/* Keyed by the address, so the back button's comparison shows in the form too. */}
      <CompareForm
        key={compareHref(address)}
        address={address}
        onSubmit={(next) => navigate(compareHref(next))}
      />
      {ready ? <Comparison address={address} /> : <p className="empty">{t('compare.prompt')}</p>}
    </div>
  );
}

function Comparison({ address }: { readonly address: CompareAddress }) {
  const href = compareHref(address);
  const [comparison, retry] = useApi(`compare:${href}`, (signal) =>
    fetchComparison(address, signal),
  );
  return (
    <Async remote={comparison} retry={retry}>
      {(data) => <CompareResult comparison={data} address={address} />}
    </Async>
  );
}
