/**
 * @module Turns a State name into comparison keys, so that "the former Yugoslav Republic of
 * Macedonia", "Former Yugoslav Republic of Macedonia" and "FORMER YUGOSLAV REPUBLIC OF MACÉDONIA"
 * meet. Per-language rules (articles) come from a registry keyed by language.
 */
import type { Lang } from '../domain/languages.js';
import {
  cleanText,
  collapseSpace,
  containsHan,
  foldArabic,
  stripMarks,
} from '../lib/text-normalize.js';

interface LanguageNameRules {
  /** Articles that may stand before a name and carry no meaning for identity. */
  readonly leadingArticles: readonly string[];
}

const NAME_RULES: Record<Lang, LanguageNameRules> = {
  en: { leadingArticles: ['the'] },
  fr: { leadingArticles: ['le', 'la', 'les', "l'"] },
  es: { leadingArticles: ['el', 'la', 'los', 'las'] },
  ru: { leadingArticles: [] },
  zh: { leadingArticles: [] },
  ar: { leadingArticles: [] },
};

const ALL_ARTICLES = [...new Set(Object.values(NAME_RULES).flatMap((r) => r.leadingArticles))];

function articlesFor(lang: Lang | undefined): readonly string[] {
  return lang === undefined ? ALL_ARTICLES : NAME_RULES[lang].leadingArticles;
}

function fold(text: string): string {
  let folded = foldArabic(stripMarks(cleanText(text).toLowerCase()));
  // Anything that is not a letter, digit or apostrophe separates words.
  folded = folded.replace(/[^\p{L}\p{N}']+/gu, ' ');
  folded = collapseSpace(folded);
  // Han script is written without spaces; spaces in it are extraction noise.
  if (containsHan(folded)) folded = folded.replace(/ /g, '');
  return folded;
}

function dropLeadingArticle(key: string, articles: readonly string[]): string {
  for (const article of articles) {
    if (article.endsWith("'")) {
      if (key.startsWith(article)) return key.slice(article.length).trim();
    } else if (key.startsWith(`${article} `)) {
      return key.slice(article.length + 1);
    }
  }
  return key;
}

/** Keys for the text as written, parenthesised parts kept as words. */
export function primaryKey(name: string, lang?: Lang): string {
  const articles = articlesFor(lang);
  const words = fold(name)
    .split(' ')
    .filter((w, i, all) => !(all.length > 1 && isBareArticle(w, articles)));
  return dropLeadingArticle(words.join(' '), articles);
}

function isBareArticle(word: string, articles: readonly string[]): boolean {
  return articles.includes(word) || (word.endsWith("'") && articles.includes(word));
}

/**
 * Further keys that UN naming conventions make equivalent: the name without its parenthesised
 * qualifier ("Micronesia (Federated States of)" → "Micronesia"), and the qualifier moved in front
 * ("Iran (Islamic Republic of)" → "Islamic Republic of Iran").
 */
export function secondaryKeys(name: string, lang?: Lang): string[] {
  const cleaned = cleanText(name);
  const match = /^(.*?)[(（]([^()（）]*)[)）](.*)$/u.exec(cleaned);
  if (!match) return [];
  const [, before = '', inside = '', after = ''] = match;
  const keys = new Set<string>();
  keys.add(primaryKey(`${before} ${after}`, lang));
  keys.add(primaryKey(`${inside} ${before} ${after}`, lang));
  keys.delete('');
  keys.delete(primaryKey(name, lang));
  return [...keys];
}
