import type { ApiClient } from '../api/api-client';
import type { Session } from '../session/session';
import { DeadlinesPage } from './deadlines-page';

/** A referent's day: what is due on their own cases, most urgent first. */
export function MyDayPage({ api, session, search }: { api: ApiClient; session: Session; search: string }) {
  return <DeadlinesPage api={api} search={search} owner={session.subject} title="Ma journée" />;
}
