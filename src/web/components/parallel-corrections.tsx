/**
 * The corrections people made to an alignment, newest first: revision, what was linked or
 * unlinked (by eId, as the corrections are stored), who, when and why.
 */
import { isLang } from '../../domain/language-codes.js';
import { localeOf, useI18n } from '../i18n/i18n-context.js';
import type { Alignment } from './parallel-api.js';

export function CorrectionsList({ alignment }: { readonly alignment: Alignment }) {
  const { t, lang } = useI18n();
  if (alignment.corrections.length === 0) return null;
  const when = new Intl.DateTimeFormat(localeOf(lang), { dateStyle: 'medium', timeStyle: 'short' });
  const [langA, langB] = alignment.langs;
  const sides = (a: readonly string[], b: readonly string[]) =>
    [
      { code: langA, eIds: a },
      { code: langB, eIds: b },
    ].filter((side) => side.code !== undefined && side.eIds.length > 0);
  const nameOf = (code: string | undefined) =>
    code !== undefined && isLang(code) ? t(`langName.${code}`) : (code ?? '');
  const corrections = [...alignment.corrections].sort((x, y) => y.revision - x.revision);
  return (
    <section className="section corrections" aria-labelledby="corrections-title">
      <h2 id="corrections-title">{t('correct.history')}</h2>
      <div className="table-wrap">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('correct.col.revision')}</th>
              <th scope="col">{t('correct.col.change')}</th>
              <th scope="col">{t('correct.col.actor')}</th>
              <th scope="col">{t('correct.col.time')}</th>
              <th scope="col">{t('correct.col.comment')}</th>
            </tr>
          </thead>
          <tbody>
            {corrections.map((c) => (
              <tr key={c.revision}>
                <td>{c.revision}</td>
                <td>
                  <strong>{c.op === 'link' ? t('correct.op.link') : t('correct.op.unlink')}</strong>
                  {sides(c.a, c.b).map((side) => (
                    <span key={side.code} className="cell-note">
                      {nameOf(side.code)}: <span className="code">{side.eIds.join(', ')}</span>
                    </span>
                  ))}
                </td>
                {/* Names and comments are the people's own words, in whatever language. */}
                <td dir="auto">{c.actor}</td>
                <td className="nowrap">
                  <time dateTime={c.createdAt}>{when.format(new Date(c.createdAt))}</time>
                </td>
                <td dir="auto">{c.comment ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
