import { AppLink } from '../../components/app-link';
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
