/**
 * The header's compact search box: a query typed on any page opens the search page with it. The
 * search page has its own, fuller form, so the header leaves this one out there.
 */
import { useState } from 'react';
import { useI18n } from '../i18n/i18n-context.js';
import { navigate } from '../router.js';
import { searchHref } from '../search-query.js';

export function HeaderSearch() {
  const { t } = useI18n();
  const [text, setText] = useState('');
  return (
    <form
      className="header-search"
      role="search"
      aria-label={t('search.label')}
      onSubmit={(event) => {
        event.preventDefault();
        navigate(searchHref({ q: text.trim() }));
        setText('');
        window.scrollTo(0, 0);
      }}
    >
      <label htmlFor="header-search" className="visually-hidden">
        {t('search.label')}
      </label>
      <input
        id="header-search"
        type="search"
        value={text}
        placeholder={t('search.label')}
        autoComplete="off"
        spellCheck={false}
        enterKeyHint="search"
        data-testid="header-search-input"
        onChange={(event) => setText(event.target.value)}
      />
      <button
        type="submit"
        className="header-search-button"
        title={t('search.submit')}
        data-testid="header-search-submit"
      >
        <SearchIcon />
        <span className="visually-hidden">{t('search.submit')}</span>
      </button>
    </form>
  );
}

export function SearchIcon() {
  return (
    <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <circle cx="6.75" cy="6.75" r="4.75" fill="none" stroke="currentColor" strokeWidth="1.75" />
      <path d="M10.25 10.25l4 4" fill="none" stroke="currentColor" strokeWidth="1.75" />
    </svg>
  );
}
