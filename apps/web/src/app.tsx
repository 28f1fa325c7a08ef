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
import type { UserManager } from 'oidc-client-ts';
import { loadSignInConfig, type SignInConfig } from './session/sign-in-config';
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
  const [signInConfig, setSignInConfig] = useState<SignInConfig>();
  const [returning, setReturning] = useState(() => window.location.pathname === pathTo('signInReturn'));
  useEffect(() => {
    void loadSignInConfig().then(setSignInConfig);
  }, []);
  // oidc-client-ts is loaded only where an identity provider is configured (not with sign-in links).
  const [oidc, setOidc] = useState<{ manager: UserManager; complete: (m: UserManager) => Promise<string> } | undefined>();
  useEffect(() => {
    if (signInConfig?.kind !== 'oidc') return;
    void import('./session/oidc-sign-in').then((module) => setOidc({ manager: module.oidcUserManager(signInConfig), complete: module.completeOidcSignIn }));
  }, [signInConfig]);
  // Back from the identity provider: the code becomes a token held in memory only (never saved).
  useEffect(() => {
    if (!returning || !signInConfig || (signInConfig.kind === 'oidc' && !oidc)) return;
    const done = () => {
      setReturning(false);
      navigate(pathTo('signIn'), { replace: true });
    };
    if (!oidc) return done();
    oidc.complete(oidc.manager).then(
      (token) => {
        const decoded = decodeToken(token);
        if (!decoded || isExpired(decoded)) setSignedOut('invalid');
        else setSession(decoded);
        done();
      },
      () => {
        setSignedOut('invalid');
        done();
      },
    );
  }, [returning, signInConfig, oidc]);

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
  const misplaced = Boolean(session) && (!route || route.name === 'signIn' || route.name === 'signInReturn');
  // Signed in on the sign-in page, or on a path that is no page: go to the role's home page.
  useEffect(() => {
    if (misplaced && session) navigate(pathTo(homeOf(session.role)), { replace: true });
  }, [misplaced, session]);
  if (returning) {
    return (
      <main id="contenu" className="sign-in">
        <p role="status">Connexion en cours…</p>
      </main>
    );
  }
  // Which sign-in this deployment uses is known after /web-config.json: nothing is shown before.
  if (!session && !signInConfig) return null;
  if (!session || !api) return <SignInPage reason={signedOut} onSignIn={signInConfig?.kind === 'oidc' ? () => void oidc?.manager.signinRedirect() : undefined} />;
  if (!route || misplaced) return null;
  return (
    <AppShell session={session} current={route.name} onSignOut={() => signOut('signed-out')}>
      {route.name === 'caseload' && (
        <CaseloadPage api={api} search={location.search} fixedReferent={session.role === 'referent' ? session.subject : undefined} canAssign={session.role === 'coordinator'} />
      )}
      {route.name === 'deadlines' && <DeadlinesPage api={api} search={location.search} />}
      {route.name === 'myDay' && <MyDayPage api={api} session={session} search={location.search} />}
      {route.name === 'trajectory' && <TrajectoryPage api={api} id={route.params.id} />}
      {route.name === 'newSaisine' && <NewSaisinePage api={api} />}
      {rolePage(route, api, session, location.search)}
    </AppShell>
  );
}
