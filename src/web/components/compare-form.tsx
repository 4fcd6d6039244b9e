/**
 * What to compare: the older and the newer text (symbols, `@2` for a version), the language to
 * compare them in (or the one the server chooses) and, optionally, a second language to show
 * each change in. Submitting writes the choice into the address; the page does the rest.
 */
import { useId, useState } from 'react';
import { isLang, LANGUAGES, type Lang } from '../../domain/language-codes.js';
import { useI18n } from '../i18n/i18n-context.js';
import type { CompareAddress } from '../router.js';

export function CompareForm({
  address,
  onSubmit,
}: {
  /** The comparison in the address; the form starts from it. */
  readonly address: CompareAddress;
  readonly onSubmit: (address: CompareAddress) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [older, setOlder] = useState(address.older);
  const [newer, setNewer] = useState(address.newer);
  const [lang, setLang] = useState<Lang | ''>(address.lang ?? '');
  const [across, setAcross] = useState<Lang | ''>(address.across ?? '');
  const langOption = (code: Lang) => (
    <option key={code} value={code}>
      {t(`langName.${code}`)}
    </option>
  );
  const readLang = (value: string): Lang | '' => (isLang(value) ? value : '');

  return (
    <form
      className="compare-form"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit({
          older,
          newer,
          lang: lang === '' ? undefined : lang,
          across: across === '' ? undefined : across,
        });
      }}
    >
      <div className="field-row">
        <div className="field field-wide">
          <label htmlFor={`${id}-older`}>{t('compare.older')}</label>
          {/* Symbols are Latin letters and slashes, left to right in any UI language. */}
          <input
            id={`${id}-older`}
            type="text"
            dir="ltr"
            required
            spellCheck={false}
            value={older}
            aria-describedby={`${id}-hint`}
            onChange={(event) => setOlder(event.target.value)}
          />
        </div>
        <div className="field field-wide">
          <label htmlFor={`${id}-newer`}>{t('compare.newer')}</label>
          <input
            id={`${id}-newer`}
            type="text"
            dir="ltr"
            required
            spellCheck={false}
            value={newer}
            aria-describedby={`${id}-hint`}
            onChange={(event) => setNewer(event.target.value)}
          />
        </div>
      </div>
      <p className="field-hint" id={`${id}-hint`}>
        {t('compare.symbolHint')}
      </p>
      <div className="field-row compare-form-options">
        <div className="field">
          <label htmlFor={`${id}-lang`}>{t('compare.lang')}</label>
          <select
            id={`${id}-lang`}
            value={lang}
            onChange={(event) => setLang(readLang(event.target.value))}
          >
            <option value="">{t('compare.langAuto')}</option>
            {LANGUAGES.map(langOption)}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-across`}>{t('compare.across')}</label>
          <select
            id={`${id}-across`}
            value={across}
            onChange={(event) => setAcross(readLang(event.target.value))}
          >
            <option value="">{t('compare.acrossNone')}</option>
            {LANGUAGES.map(langOption)}
          </select>
        </div>
        <button type="submit" className="button compare-submit">
          {t('compare.submit')}
        </button>
      </div>
    </form>
  );
}
