/**
 * A value in each of the six languages, one row per language. Every cell carries its own `lang`
 * and `dir`, so Arabic renders right to left and Chinese with CJK fonts whatever the UI language.
 */
import type { ReactNode } from 'react';
import type { Lang } from '../api-types.js';
import { dirOf, LANGUAGES, useI18n } from '../i18n/i18n-context.js';
import { ENDONYMS } from '../i18n/messages.js';

export interface LanguageColumn<T> {
  readonly header: string;
  readonly cell: (value: T, lang: Lang) => ReactNode;
}

export function SixLanguageTable<T>({
  labelledBy,
  values,
  columns,
}: {
  /** Id of the heading that names the table (a caption would repeat it on screen). */
  readonly labelledBy: string;
  readonly values: Readonly<Record<Lang, T>>;
  readonly columns: readonly LanguageColumn<T>[];
}) {
  const { t } = useI18n();
  return (
    <div className="table-wrap">
      <table className="data-table six-languages" aria-labelledby={labelledBy}>
        <thead>
          <tr>
            <th scope="col">{t('col.language')}</th>
            {columns.map((column) => (
              <th scope="col" key={column.header}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {LANGUAGES.map((code) => (
            <tr key={code}>
              <th scope="row" lang={code} dir={dirOf(code)}>
                {ENDONYMS[code]}
              </th>
              {columns.map((column) => (
                <td key={column.header} lang={code} dir={dirOf(code)}>
                  {column.cell(values[code], code)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
