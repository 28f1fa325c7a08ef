import { useEffect, useMemo, useState } from 'react';
import { ApiClient } from './api/api-client';
import { AppShell, homeOf } from './app-shell';
import { CaseloadPage } from './pages/caseload-page';
import { DeadlinesPage } from './pages/deadlines-page';
import { MyDayPage } from './pages/my-day-page';
import { NewSaisinePage } from './pages/new-saisine-page';
import { rolePage } from './pages/role-pages';
import { SignInPage } from './pages/sign-in-page';
import { TrajectoryPage } from './pages/trajectory-page';
import { navigate, useLocation } from './routing/use-location';
import { matchRoute, pathTo } from './routing/web-routes';
import { clearSession, decodeToken, isExpired, loadSession, saveSession, type Session, takeTokenFromFragment } from './session/session';

type SignedOut = 'expired' | 'invalid' | 'signed-out' | undefined;

export function App() {
  const [signedOut, setSignedOut] = useState<SignedOut>();
  const [session, setSession] = useState<Session | undefined>(() => {
    const fromLink = takeTokenFromFragment(window.location, window.history);
    if (fromLink) {
      const decoded = decodeToken(fromLink);
      if (!decoded || isExpired(decoded)) return undefined;
      saveSession(decoded);
      return decoded;
    }
    return loadSession();
  });
  const location = useLocation();

  const signOut = (reason: SignedOut) => {
    clearSession();
    setSession(undefined);
    setSignedOut(reason);
    navigate(pathTo('signIn'), { replace: true });
  };

  // Signs out the moment the token expires, rather than at the next refused request.
  useEffect(() => {
    if (!session) return;
    let timer: number;
    // setTimeout fires at once past 2^31-1 ms (~24.8 days): wait in steps no longer than that.
    const wait = () => {
      if (isExpired(session)) return signOut('expired');
      timer = window.setTimeout(wait, Math.min(2 ** 31 - 1, session.expiresAt * 1000 - Date.now()));
    };
    wait();
    return () => window.clearTimeout(timer);
  }, [session]);

  const api = useMemo(() => (session ? new ApiClient(session, () => signOut('expired')) : undefined), [session]);
  const route = matchRoute(location.pathname);
  const misplaced = Boolean(session) && (!route || route.name === 'signIn');
  // Signed in on the sign-in page, or on a path that is no page: go to the role's home page.
  useEffect(() => {
    if (misplaced && session) navigate(pathTo(homeOf(session.role)), { replace: true });
  }, [misplaced, session]);
  if (!session || !api) return <SignInPage reason={signedOut} />;
  if (!route || misplaced) return null;
  return (
    <AppShell session={session} current={route.name} onSignOut={() => signOut('signed-out')}>
      {route.name === 'caseload' && (
        <CaseloadPage api={api} search={location.search} fixedReferent={session.role === 'referent' ? session.subject : undefined} />
      )}
      {route.name === 'deadlines' && <DeadlinesPage api={api} search={location.search} />}
      {route.name === 'myDay' && <MyDayPage api={api} session={session} search={location.search} />}
      {route.name === 'trajectory' && <TrajectoryPage api={api} id={route.params.id} />}
      {route.name === 'newSaisine' && <NewSaisinePage api={api} />}
      {rolePage(route, api, session, location.search)}
    </AppShell>
  );
}
