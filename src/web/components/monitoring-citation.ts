/**
 * How an evidence item is cited in the UI language: "A/RES/55/100, para. 2 (b)" for a numbered
 * paragraph, the symbol and the paragraph's anchor (`p_8`) for an unnumbered one (a document
 * without a symbol by its title), optionally
 * with the language of the text quoted (several language versions of one paragraph can be
 * evidence for the same action).
 */
import { useI18n } from '../i18n/i18n-context.js';
import type { EvidenceItem } from './monitoring-api.js';
import { paragraphNumber } from './monitoring-terms.js';

type Cited = Pick<EvidenceItem, 'document' | 'eId' | 'lang'> & { readonly title?: string | null };

export function useEvidenceCitation(): (item: Cited, withLang?: boolean) => string {
  const { t, lang } = useI18n();
  return (item, withLang = false) => {
    const number = paragraphNumber(item.eId, lang);
    // A document without a symbol (its id is `pillars:…`) is cited by its title.
    const symbol = item.document.startsWith('pillars:') && item.title ? item.title : item.document;
    const citation =
      number === null
        ? t('evidence.citationAnchor', { symbol, anchor: item.eId })
        : t('evidence.citation', { symbol, number });
    return withLang && item.lang !== 'und'
      ? `${citation} (${t(`langName.${item.lang}`)})`
      : citation;
  };
}
