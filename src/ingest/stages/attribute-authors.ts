/**
 * @module Who submitted a document: States and groups named in a "submitted by" / "sponsored by"
 * phrase (in the six languages) or in a title such as "Working paper submitted by Japan".
 */
import type { Group } from '../../domain/model.js';
import type { NameResolver } from '../../states/name-resolver.js';
import { primaryKey } from '../../states/name-key.js';
import type { LanguageProfile } from '../languages/language-profile.js';

export interface Author {
  readonly kind: 'state' | 'group';
  readonly id: string;
  /** The name as written. */
  readonly name: string;
}

const keysCache = new WeakMap<readonly Group[], { key: string; id: string }[]>();

/** Folded group names, computed once per list of groups (the list lives as long as the batch). */
function groupNameKeys(groups: readonly Group[]): { key: string; id: string }[] {
  let keys = keysCache.get(groups);
  if (!keys) {
    keys = groups.flatMap((g) =>
      Object.values(g.names).map((name) => ({ key: primaryKey(name), id: g.id })),
    );
    keysCache.set(groups, keys);
  }
  return keys;
}

export function attributeAuthors(
  texts: readonly string[],
  profile: LanguageProfile,
  resolver: NameResolver,
  groups: readonly Group[],
): Author[] {
  const authors: Author[] = [];
  const groupKeys = groupNameKeys(groups);
  for (const text of texts) {
    const match = profile.sponsorLine.exec(text);
    if (!match) continue;
    const names = match[1]!
      .split(/\s*[,，、،;]\s*/u)
      .flatMap((part) => part.split(profile.listConjunction))
      .map((name) => name.replace(/[.。*]+$/u, '').trim())
      .filter((name) => name.length > 1);
    for (const name of names) {
      const resolved = resolver.resolve(name, profile.lang);
      if (resolved.status === 'resolved') {
        if (!authors.some((a) => a.kind === 'state' && a.id === resolved.state.id))
          authors.push({ kind: 'state', id: resolved.state.id, name });
        continue;
      }
      const key = primaryKey(name);
      const group = groupKeys.find((g) => g.key === key || key.endsWith(g.key));
      if (group && !authors.some((a) => a.kind === 'group' && a.id === group.id))
        authors.push({ kind: 'group', id: group.id, name });
    }
    if (authors.length > 0) break;
  }
  return authors;
}
