/**
 * Small pieces the glossary views share: a concept's domain, a term's status and type, a preferred
 * term in its own language (with the English fallback marked), and the language a summary's
 * definition is in.
 */
import type { Lang } from '../api-types.js';
import { useI18n, useTextAttrs } from '../i18n/i18n-context.js';
import type { GlossaryDomainName } from '../router.js';
import { FallbackMark } from './fallback-mark.js';
import type { PerLang, TermStatus, TermType } from './glossary-api.js';

export function DomainTag({ domain }: { readonly domain: GlossaryDomainName }) {
  const { t } = useI18n();
  return (
    <span className={`glossary-domain domain-${domain}`}>{t(`glossary.domain.${domain}`)}</span>
  );
}

export function StatusBadge({ status }: { readonly status: TermStatus }) {
  const { t } = useI18n();
  return <span className={`term-status status-${status}`}>{t(`glossary.status.${status}`)}</span>;
}

/** A term's type in the UI language; it may sit inside text of another language. */
export function TypeLabel({ type }: { readonly type: TermType }) {
  const { t, lang, dir } = useI18n();
  return (
    <span className="term-type" lang={lang} dir={dir}>
      {t(`glossary.type.${type}`)}
    </span>
  );
}

/** The preferred term in `lang`, else in English marked as such, else the first there is. */
export function pickPreferred(
  preferred: PerLang<string>,
  lang: Lang,
): { readonly text: string; readonly lang: Lang; readonly fallback: boolean } | undefined {
  const own = preferred[lang];
  if (own !== undefined) return { text: own, lang, fallback: false };
  for (const other of ['en', 'fr', 'es', 'ru', 'zh', 'ar'] as const) {
    const text = preferred[other];
    if (text !== undefined) return { text, lang: other, fallback: true };
  }
  return undefined;
}

/** A concept's preferred term in `lang` as a text run with its own `lang` and `dir`. */
export function PreferredTerm({
  preferred,
  lang,
  fallbackId,
}: {
  readonly preferred: PerLang<string>;
  readonly lang: Lang;
  /** Shown when the concept has no term at all (never, for a valid concept). */
  readonly fallbackId: string;
}) {
  const textAttrs = useTextAttrs();
  const picked = pickPreferred(preferred, lang);
  if (picked === undefined) return <span className="code">{fallbackId}</span>;
  return (
    <>
      <span {...textAttrs(picked.lang)}>{picked.text}</span>
      {picked.fallback && picked.lang === 'en' && <FallbackMark />}
    </>
  );
}

const SCRIPTS: Partial<Record<Lang, RegExp>> = {
  ar: /\p{Script=Arabic}/u,
  zh: /\p{Script=Han}/u,
  ru: /\p{Script=Cyrillic}/u,
};

const STOPWORDS: Partial<Record<Lang, RegExp>> = {
  en: /\b(?:the|of|and|to|that|which|by|an?)\b/giu,
  fr: /\b(?:le|la|les|des|du|et|une?|qui|par|aux?)\b/giu,
  es: /\b(?:el|los|las|del|y|una?|que|por|al)\b/giu,
};
const count = (text: string, words: RegExp | undefined) => text.match(words ?? /$^/u)?.length ?? 0;

/**
 * The API gives a summary's definition in the A–Z language when the concept has one there, else
 * in English, without saying which. The script tells for Arabic, Chinese and Russian; between
 * English and French or Spanish, the commoner function words do.
 */
export function summaryDefinitionLang(text: string, asked: Lang): Lang {
  const script = SCRIPTS[asked];
  if (script !== undefined) return script.test(text) ? asked : 'en';
  if (asked === 'en') return 'en';
  return count(text, STOPWORDS[asked]) > count(text, STOPWORDS.en) ? asked : 'en';
}
