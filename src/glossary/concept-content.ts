/**
 * @module Pure operations on concept content: one canonical form (so equal concepts hash and
 * serialise alike whatever the key order they arrived in), its hash, the merge an import applies
 * to an existing concept, derived narrower links, and the folded form terms are searched by.
 */
import { createHash } from 'node:crypto';
import { LANGUAGES, type Lang } from '../domain/language-codes.js';
import type { Concept, Definition, LanguageSection, Term } from '../domain/glossary.js';
import { foldArabic, stripMarks } from '../lib/text-normalize.js';

function canonicalTerm(t: Term): Term {
  return {
    text: t.text,
    status: t.status,
    type: t.type,
    partOfSpeech: t.partOfSpeech,
    ...(t.note === undefined ? {} : { note: t.note }),
  };
}

function canonicalDefinition(d: Definition): Definition {
  return {
    text: d.text,
    origin: d.origin,
    ...(d.source === undefined ? {} : { source: d.source }),
  };
}

/** Keys in a fixed order, languages in UN order, link lists sorted and unique. */
export function canonicalConcept(c: Concept): Concept {
  const languages: Partial<Record<Lang, LanguageSection>> = {};
  for (const lang of LANGUAGES) {
    const section = c.languages[lang];
    if (!section) continue;
    languages[lang] = {
      ...(section.definition ? { definition: canonicalDefinition(section.definition) } : {}),
      terms: section.terms.map(canonicalTerm),
    };
  }
  return {
    id: c.id,
    domain: c.domain,
    broader: [...new Set(c.broader)].sort(),
    related: [...new Set(c.related)].sort(),
    ...(c.note === undefined ? {} : { note: c.note }),
    languages,
  };
}

export function conceptHash(c: Concept): string {
  return createHash('sha256')
    .update(JSON.stringify(canonicalConcept(c)))
    .digest('hex');
}

export function sameConcept(a: Concept, b: Concept): boolean {
  return JSON.stringify(canonicalConcept(a)) === JSON.stringify(canonicalConcept(b));
}

/** The form a term is looked up by: NFKC, lower case, no diacritics, Arabic letter forms folded. */
export function foldTerm(text: string): string {
  return foldArabic(stripMarks(text.normalize('NFKC').toLowerCase()))
    .replace(/[\u2010-\u2015\u2212-]/g, ' ')
    .replace(/[《》「」“”"]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Terms are the same term when they differ only in case (as the schema's uniqueness rule says). */
const termKey = (t: Term) => t.text.normalize('NFKC').toLowerCase();

export interface MergeOutcome {
  readonly concept: Concept;
  /** What the merge did that a reviewer should know, in plain words. */
  readonly notes: readonly string[];
}

/**
 * An imported concept merged into the stored one: the import's values win where both have one;
 * terms and links are united; when the import names a different preferred term, the old one
 * stays as admitted (a term base never loses a term silently).
 */
export function mergeConcept(existing: Concept, incoming: Concept): MergeOutcome {
  const notes: string[] = [];
  if (existing.domain !== incoming.domain) {
    notes.push(`domain ${existing.domain} → ${incoming.domain}`);
  }
  const languages: Partial<Record<Lang, LanguageSection>> = {};
  for (const lang of LANGUAGES) {
    const old = existing.languages[lang];
    const neu = incoming.languages[lang];
    if (!old || !neu) {
      const section = neu ?? old;
      if (section) languages[lang] = section;
      continue;
    }
    const incomingPreferred = new Set(
      neu.terms.filter((t) => t.status === 'preferred').map(termKey),
    );
    const byKey = new Map(neu.terms.map((t) => [termKey(t), t]));
    const terms: Term[] = old.terms.map((t) => {
      const replacement = byKey.get(termKey(t));
      if (replacement) {
        byKey.delete(termKey(t));
        return replacement;
      }
      if (t.status === 'preferred' && incomingPreferred.size > 0) {
        notes.push(`${lang}: "${t.text}" was preferred, kept as admitted`);
        return { ...t, status: 'admitted' };
      }
      return t;
    });
    terms.push(...byKey.values());
    const definition = neu.definition ?? old.definition;
    languages[lang] = { ...(definition ? { definition } : {}), terms };
  }
  const note = incoming.note ?? existing.note;
  return {
    concept: canonicalConcept({
      id: existing.id,
      domain: incoming.domain,
      broader: [...existing.broader, ...incoming.broader],
      related: [...existing.related, ...incoming.related],
      ...(note === undefined ? {} : { note }),
      languages,
    }),
    notes,
  };
}

/** concept id → the ids whose `broader` names it. */
export function narrowerIndex(concepts: Iterable<Concept>): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const c of concepts) {
    for (const b of c.broader) {
      const list = index.get(b) ?? [];
      list.push(c.id);
      index.set(b, list);
    }
  }
  for (const list of index.values()) list.sort();
  return index;
}

/** Links to concepts that are not in the set, as "id → target" strings. */
export function danglingLinks(concepts: readonly Concept[], known: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const c of concepts) {
    for (const target of [...c.broader, ...c.related]) {
      if (!known.has(target)) out.push(`${c.id} → ${target}`);
    }
  }
  return out;
}

export function preferredTerm(c: Concept, lang: Lang): string | undefined {
  return c.languages[lang]?.terms.find((t) => t.status === 'preferred')?.text;
}

/** A stored concept as an edit starts from: without what the store keeps or derives. */
export function editableConcept(
  stored: Concept & { revision?: unknown; updatedAt?: unknown; narrower?: unknown },
): Concept {
  return canonicalConcept({
    id: stored.id,
    domain: stored.domain,
    broader: stored.broader,
    related: stored.related,
    ...(stored.note === undefined ? {} : { note: stored.note }),
    languages: stored.languages,
  });
}
