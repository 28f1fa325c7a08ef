import { lazy, type ReactElement, Suspense } from 'react';
import type { ApiClient } from '../api/api-client';
import type { RouteMatch } from '../routing/web-routes';
import type { Session } from '../session/session';
import { AccessLogPage } from './auditor/access-log-page';
import { AuditTrajectoriesPage } from './auditor/audit-trajectories-page';
import { HistoryPage } from './auditor/history-page';
import { VerificationPage } from './auditor/verification-page';
import { ConventionsPage } from './funder/conventions-page';
import { FeedPage } from './funder/feed-page';

// The pages with charts load Chart.js with them, on first use: the rest of the app does not carry it.
const ConsumptionPage = lazy(() => import('./funder/consumption-page'));
const DashboardPage = lazy(() => import('./funder/dashboard-page'));
const ReportPage = lazy(() => import('./funder/report-page'));

/** The funders', coordinators' figures and the auditors' pages; undefined for a route that is not one of them. */
export function rolePage(route: RouteMatch, api: ApiClient, session: Session, search: string) {
  const charts = (page: ReactElement) => <Suspense fallback={<p role="status">Chargement…</p>}>{page}</Suspense>;
  switch (route.name) {
    case 'conventions':
      return <ConventionsPage api={api} session={session} />;
    case 'consumption':
      return charts(<ConsumptionPage key={route.params.id} api={api} id={route.params.id} search={search} />);
    case 'dashboard':
      return charts(<DashboardPage key={route.params.id} api={api} id={route.params.id} search={search} />);
    case 'report':
      return charts(<ReportPage key={route.params.id} api={api} id={route.params.id} search={search} />);
    case 'feed':
      return <FeedPage api={api} session={session} />;
    case 'auditTrajectories':
      return <AuditTrajectoriesPage api={api} />;
    case 'auditHistory':
      return <HistoryPage key={route.params.id} api={api} id={route.params.id} search={search} />;
    case 'verification':
      return <VerificationPage api={api} search={search} />;
    case 'accessLog':
      return <AccessLogPage api={api} search={search} />;
    default:
      return undefined;
  }
}
