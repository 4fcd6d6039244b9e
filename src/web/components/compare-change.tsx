/**
 * One entry of a comparison: a paragraph of the newer text (or a deleted one of the older, where
 * it was) with its label, what happened to it in words as well as colour (inserted, deleted,
 * changed, moved and from where), the word-level <ins>/<del> of a changed paragraph and, with a
 * second language, the paragraphs aligned with it in that language beside it.
 */
import { isLang } from '../../domain/language-codes.js';
import type { Segment, TextLang } from '../api-types.js';
import { dirOf, useI18n } from '../i18n/i18n-context.js';
import type { AcrossText, Change, Comparison, WordPart } from './compare-api.js';
import { segmentLabel } from './parallel-segment.js';

/** `lang` and `dir` for a text column: stated always, `auto` for a text of unknown language. */
export function textAttrs(lang: TextLang): { lang: string; dir: 'ltr' | 'rtl' | 'auto' } {
  return isLang(lang) ? { lang, dir: dirOf(lang) } : { lang: 'und', dir: 'auto' };
}

/** Word-level differences. The hidden words tell screen readers, which mostly ignore <ins> and
 * <del>, where a change starts; sighted readers see it by colour and strike-through. */
function Words({ words }: { readonly words: readonly WordPart[] }) {
  const { t, lang } = useI18n();
  return (
    <>
      {words.map((word, i) =>
        word.op === 'equal' ? (
          <span key={i}>{word.text}</span>
        ) : word.op === 'insert' ? (
          <ins key={i}>
            <span className="visually-hidden" lang={lang}>
              {t('compare.insStart')}
            </span>
            {word.text}
          </ins>
        ) : (
          <del key={i}>
            <span className="visually-hidden" lang={lang}>
              {t('compare.delStart')}
            </span>
            {word.text}
          </del>
        ),
      )}
    </>
  );
}

function ChangeText({
  change,
  comparison,
}: {
  readonly change: Change;
  readonly comparison: Comparison;
}) {
  const older = change.a === null ? undefined : comparison.older.segments[change.a];
  const newer = change.b === null ? undefined : comparison.newer.segments[change.b];
  if (change.words !== undefined && change.words.length > 0) return <Words words={change.words} />;
  if (change.kind === 'inserted') return <ins className="para-ins">{newer?.text}</ins>;
  if (change.kind === 'deleted') return <del className="para-del">{older?.text}</del>;
  return <>{(newer ?? older)?.text}</>;
}

/** What happened, in words: colour alone would not tell everyone. */
function KindBadge({
  change,
  comparison,
}: {
  readonly change: Change;
  readonly comparison: Comparison;
}) {
  const { t, lang, dir } = useI18n();
  if (change.kind === 'equal') return null;
  const badge = (text: string) => (
    <span className="change-badge" lang={lang} dir={dir}>
      {text}
    </span>
  );
  if (change.kind === 'moved' && change.a !== null) {
    const from = comparison.older.segments[change.a];
    const text =
      from?.num != null && from.num !== ''
        ? t('compare.movedFrom', { num: from.num })
        : t('compare.movedFromPosition', { position: change.a + 1 });
    return badge(text);
  }
  return badge(t(`compare.badge.${change.kind}`));
}

function AcrossCell({
  across,
  row,
  deleted,
}: {
  readonly across: AcrossText;
  readonly row: AcrossText['rows'][number] | undefined;
  /** A deleted paragraph's counterparts are in the older text, the others' in the newer. */
  readonly deleted: boolean;
}) {
  const { t, lang: uiLang } = useI18n();
  const positions = (deleted ? row?.older : row?.newer) ?? [];
  const pool = deleted ? across.olderSegments : across.newerSegments;
  const segments = positions.map((p) => pool[p]).filter((s): s is Segment => s !== undefined);
  return (
    <div className="change-across" {...textAttrs(across.lang)}>
      <span className="visually-hidden" lang={uiLang}>
        {t('compare.inLang', { lang: t(`langName.${across.lang}`) })}
      </span>
      {segments.length === 0 ? (
        <p className="muted" lang={uiLang} dir={dirOf(uiLang)}>
          {t('compare.noAligned')}
        </p>
      ) : (
        segments.map((s) => (
          <p key={s.eId} className={deleted ? 'across-seg is-deleted' : 'across-seg'}>
            <span className="pseg-label">{segmentLabel(s, across.lang)}</span> {s.text}
          </p>
        ))
      )}
    </div>
  );
}

export function CompareChange({
  change,
  index,
  comparison,
}: {
  readonly change: Change;
  /** The change's index, which `across.rows` is indexed by. */
  readonly index: number;
  readonly comparison: Comparison;
}) {
  const textLang = comparison.newer.lang;
  const segment =
    change.b !== null
      ? comparison.newer.segments[change.b]
      : change.a !== null
        ? comparison.older.segments[change.a]
        : undefined;
  const across = comparison.across;
  return (
    <li className={`change change-${change.kind}`}>
      <span className="change-label" {...textAttrs(textLang)}>
        {segment === undefined ? '' : segmentLabel(segment, textLang)}
      </span>
      <div className="change-body" {...textAttrs(textLang)}>
        <KindBadge change={change} comparison={comparison} />
        <p className="change-text">
          <ChangeText change={change} comparison={comparison} />
        </p>
      </div>
      {across !== undefined && (
        <AcrossCell across={across} row={across.rows[index]} deleted={change.kind === 'deleted'} />
      )}
    </li>
  );
}
