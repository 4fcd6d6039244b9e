/**
 * @module Finds a recorded vote ("In favour: … / Against: … / Abstentions: …" and its
 * equivalents in the other five languages) and resolves every name to a State. Names that do not
 * resolve are kept in `unresolved`, never dropped.
 */
import type { NameResolver } from '../../states/name-resolver.js';
import { splitNameList } from '../../states/split-name-list.js';
import type { LanguageProfile } from '../languages/language-profile.js';

export interface RecordedVote {
  readonly inFavour: string[];
  readonly against: string[];
  readonly abstaining: string[];
  /** Names as written that resolved to no State (or to several). */
  readonly unresolved: string[];
  /** Every name as written, with its choice and the State it resolved to. */
  readonly entries: { choice: VoteChoice; name: string; state: string | null }[];
}

export type VoteChoice = 'in_favour' | 'against' | 'abstaining';

export function findRecordedVote(
  texts: readonly string[],
  profile: LanguageProfile,
  resolver: NameResolver,
): RecordedVote | null {
  const labels: [VoteChoice, RegExp][] = [
    ['in_favour', profile.voteLabels.inFavour],
    ['against', profile.voteLabels.against],
    ['abstaining', profile.voteLabels.abstaining],
  ];
  const vote: RecordedVote = {
    inFavour: [],
    against: [],
    abstaining: [],
    unresolved: [],
    entries: [],
  };
  let found = false;
  for (const text of texts) {
    const label = labels.find(([, re]) => re.test(text.trim()));
    if (!label) continue;
    found = true;
    const [choice] = label;
    for (const name of splitNameList(text).names) {
      const result = resolver.resolve(name, profile.lang);
      const state = result.status === 'resolved' ? result.state.id : null;
      vote.entries.push({ choice, name, state });
      if (state === null) vote.unresolved.push(name);
      else
        (choice === 'in_favour'
          ? vote.inFavour
          : choice === 'against'
            ? vote.against
            : vote.abstaining
        ).push(state);
    }
  }
  return found ? vote : null;
}
