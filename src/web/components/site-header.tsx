/**
 * The banner: the name, the search box, the main navigation (the current section marked with
 * aria-current), the language menu and the account corner (log in, or who is signed in).
 */
import { useI18n } from '../i18n/i18n-context.js';
import type { PlainKey } from '../i18n/messages.js';
import type { Route } from '../router.js';
import { LanguageSwitch } from './language-switch.js';
import { Link } from './link.js';
import { HeaderSearch } from './search-box.js';
import { UserMenu } from './user-menu.js';

const SECTIONS: readonly { href: string; label: PlainKey; pages: readonly Route['page'][] }[] = [
  { href: '/', label: 'nav.dashboard', pages: ['dashboard'] },
  { href: '/states', label: 'nav.states', pages: ['states', 'state'] },
  { href: '/actions', label: 'nav.actions', pages: ['actions', 'action'] },
  { href: '/monitoring', label: 'nav.monitoring', pages: ['monitoring', 'monitoring-evidence'] },
  { href: '/reports', label: 'nav.reports', pages: ['reports', 'report'] },
  { href: '/meetings', label: 'nav.meetings', pages: ['meetings'] },
  {
    href: '/documents',
    label: 'nav.documents',
    pages: ['documents', 'document', 'upload', 'parallel'],
  },
  { href: '/compare', label: 'nav.compare', pages: ['compare'] },
  {
    href: '/instruments',
    label: 'nav.instruments',
    pages: ['instruments', 'instrument', 'nwfz-protocols'],
  },
  { href: '/glossary', label: 'nav.glossary', pages: ['glossary', 'glossary-concept'] },
  { href: '/search', label: 'nav.search', pages: ['search'] },
];

export function SiteHeader({ route }: { readonly route: Route }) {
  const { t } = useI18n();
  return (
    <header className="site-header">
      <div className="site-header-inner">
        <Link href="/" className="brand">
          <span className="brand-mark" aria-hidden="true" />
          <span className="brand-text">
            <span className="brand-name">{t('app.name')}</span>
            <span className="brand-tagline">{t('app.tagline')}</span>
          </span>
        </Link>
        <div className="site-header-tools">
          {route.page !== 'search' && <HeaderSearch />}
          <LanguageSwitch />
          <UserMenu />
        </div>
      </div>
      <nav className="site-nav" aria-label={t('nav.label')}>
        <ul>
          {SECTIONS.map((section) => {
            const current = section.pages.includes(route.page);
            return (
              <li key={section.href}>
                <Link
                  href={section.href}
                  aria-current={current ? 'page' : undefined}
                  className={current ? 'current' : undefined}
                >
                  {t(section.label)}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
    </header>
  );
}
