/**
 * The shell: skip link, header, the page for the current route, footer. Moves focus to the main
 * region after in-app navigation so screen-reader users land on the new page, not the old link.
 */
import { useEffect, useRef } from 'react';
import { NotFoundView } from './components/status-views.js';
import { SiteHeader } from './components/site-header.js';
import { useI18n } from './i18n/i18n-context.js';
import { ActionPage } from './pages/action-page.js';
import { ActionsPage } from './pages/actions-page.js';
import { AuditPage } from './pages/audit-page.js';
import { ComparePage } from './pages/compare-page.js';
import { DashboardPage } from './pages/dashboard-page.js';
import { DocumentPage } from './pages/document-page.js';
import { DocumentsPage } from './pages/documents-page.js';
import { EvidencePage } from './pages/evidence-page.js';
import { GlossaryConceptPage } from './pages/glossary-concept-page.js';
import { GlossaryPage } from './pages/glossary-page.js';
import { InstrumentPage } from './pages/instrument-page.js';
import { InstrumentsPage } from './pages/instruments-page.js';
import { LoginPage } from './pages/login-page.js';
import { MeetingsPage } from './pages/meetings-page.js';
import { MonitoringPage } from './pages/monitoring-page.js';
import { NwfzProtocolsPage } from './pages/nwfz-protocols-page.js';
import { ParallelPage } from './pages/parallel-page.js';
import { ReportPage } from './pages/report-page.js';
import { ReportsPage } from './pages/reports-page.js';
import { SearchPage } from './pages/search-page.js';
import { StatePage } from './pages/state-page.js';
import { StatesPage } from './pages/states-page.js';
import { UploadPage } from './pages/upload-page.js';
import { useLocation, type Route } from './router.js';
import { useDocumentTitle } from './use-document-title.js';

function PageFor({ route }: { readonly route: Route }) {
  switch (route.page) {
    case 'dashboard':
      return <DashboardPage />;
    case 'states':
      return <StatesPage />;
    case 'state':
      return <StatePage id={route.id} />;
    case 'actions':
      return <ActionsPage />;
    case 'action':
      return <ActionPage id={route.id} />;
    case 'meetings':
      return <MeetingsPage />;
    case 'instruments':
      return <InstrumentsPage />;
    case 'instrument':
      return <InstrumentPage id={route.id} />;
    case 'nwfz-protocols':
      return <NwfzProtocolsPage />;
    case 'documents':
      return <DocumentsPage />;
    case 'document':
      return <DocumentPage id={route.id} lang={route.lang} />;
    case 'upload':
      return <UploadPage />;
    case 'search':
      return <SearchPage />;
    case 'parallel':
      return <ParallelPage />;
    case 'compare':
      return <ComparePage />;
    case 'monitoring':
      return <MonitoringPage />;
    case 'monitoring-evidence':
      return <EvidencePage />;
    case 'glossary':
      return <GlossaryPage />;
    case 'glossary-concept':
      return <GlossaryConceptPage id={route.id} />;
    case 'login':
      return <LoginPage />;
    case 'reports':
      return <ReportsPage />;
    case 'report':
      return <ReportPage id={route.id} />;
    case 'audit':
      return <AuditPage />;
    case 'not-found':
      return <NotFoundPage />;
  }
}

function NotFoundPage() {
  const { t } = useI18n();
  useDocumentTitle(t('view.notFound.title'));
  return <NotFoundView />;
}

export function App() {
  const { t } = useI18n();
  const { pathname, route } = useLocation();
  const main = useRef<HTMLElement>(null);
  const firstPath = useRef(pathname);

  useEffect(() => {
    if (pathname === firstPath.current) return;
    firstPath.current = '';
    main.current?.focus({ preventScroll: true });
  }, [pathname]);

  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <SiteHeader route={route} />
      <main id="main" ref={main} tabIndex={-1} className="page">
        <PageFor route={route} />
      </main>
      <footer className="site-footer">
        <p>{t('footer.about')}</p>
        <p>
          <a href="/api/docs">{t('footer.api')}</a>
        </p>
      </footer>
    </>
  );
}
