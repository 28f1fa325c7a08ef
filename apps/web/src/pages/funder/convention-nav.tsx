import type { ReactNode } from 'react';
import { AppLink } from '../../components/app-link';
import { AsyncView, type Loaded } from '../../components/async-view';
import { pathTo, type WebRouteName } from '../../routing/web-routes';

const TABS: { route: WebRouteName; text: string }[] = [
  { route: 'consumption', text: 'Consommation' },
  { route: 'dashboard', text: 'Tableau de bord mensuel' },
  { route: 'report', text: 'Rapport annuel' },
];

/** The three views of one convention, one link each; the current one is marked for screen readers too. */
export function ConventionNav({ id, current }: { id: string; current: WebRouteName }) {
  return (
    <nav aria-label="Vues de la convention" className="tabs">
      <ul>
        <li>
          <AppLink href={pathTo('conventions')}>← Toutes les conventions</AppLink>
        </li>
        {TABS.map((tab) => (
          <li key={tab.route}>
            <AppLink href={pathTo(tab.route, { id })} aria-current={tab.route === current ? 'page' : undefined}>
              {tab.text}
            </AppLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** A convention's page once loaded; if the API refused it (not one of yours, gone), a page that says so, with the way back. */
export function ConventionView<T>({ loaded, id, current, children }: { loaded: Loaded<T>; id: string; current: WebRouteName; children: (value: T) => ReactNode }) {
  if (loaded.state === 'error') {
    return (
      <>
        <ConventionNav id={id} current={current} />
        <h1 tabIndex={-1}>Convention indisponible</h1>
        <p role="alert" className="error">
          {loaded.message}
        </p>
      </>
    );
  }
  return <AsyncView loaded={loaded}>{children}</AsyncView>;
}
