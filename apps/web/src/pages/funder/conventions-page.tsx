import type { ApiClient } from '../../api/api-client';
import { AppLink } from '../../components/app-link';
import { AsyncView, useLoad } from '../../components/async-view';
import { formatDate, formatEurosFromCents } from '../../format/format-date';
import { formatCount, formatPercent, formatShare } from '../../format/format-figures';
import { PLANNED_KIND, PLANNED_LABELS } from '../../i18n/funding-labels.fr';
import { pathTo } from '../../routing/web-routes';
import type { Session } from '../../session/session';
import { type Consumption, type Convention, conventionPaths, conventionTitle, funderScopes } from './funder-api';

/**
 * The conventions the caller may read (a funder: its own, the API narrows the list), each with its
 * cap, what it consumed, what remains, planned against actual volumes and the funders' shares.
 */
export function ConventionsPage({ api, session }: { api: ApiClient; session: Session }) {
  const [loaded] = useLoad(async () => {
    const conventions = (await api.get<Convention[]>('/conventions')).body;
    const figures = await Promise.all(conventions.map((c) => api.get<Consumption>(conventionPaths.consumption(c.id, c.year)).then((a) => a.body)));
    return conventions.map((convention, i) => ({ convention, consumption: figures[i] }));
  }, []);
  const mine = funderScopes(session.scopes);
  return (
    <>
      <h1 tabIndex={-1}>Conventions</h1>
      <p className="lead">
        {session.role === 'funder'
          ? 'Les conventions que vous financez, seul ou avec d’autres financeurs : le plafond, la consommation et les volumes.'
          : 'Les conventions du service : le plafond, la consommation et les volumes de chacune.'}
      </p>
      <AsyncView loaded={loaded}>
        {(rows) =>
          rows.length === 0 ? (
            <p>Aucune convention.</p>
          ) : (
            <>
              <table className="list">
                <caption>
                  {rows.length} convention{rows.length > 1 ? 's' : ''}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Convention</th>
                    <th scope="col" className="num">Plafond</th>
                    <th scope="col" className="num">Consommé</th>
                    <th scope="col" className="num">Restant</th>
                    <th scope="col" className="num">Utilisé</th>
                    <th scope="col">Arrêté au</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map(({ convention, consumption }) => (
                    <tr key={convention.id} data-convention={convention.id}>
                      <th scope="row">
                        <a href={`#convention-${convention.id}`}>{conventionTitle(convention)}</a>
                      </th>
                      <td className="num">{formatEurosFromCents(consumption.capCents)}</td>
                      <td className="num">{formatEurosFromCents(consumption.totalCents)}</td>
                      <td className={`num${consumption.overCap ? ' error' : ''}`}>
                        {formatEurosFromCents(consumption.remainingCents)}
                        {consumption.overCap ? ' (plafond dépassé)' : ''}
                      </td>
                      <td className="num">{formatPercent(consumption.usedPercent)}</td>
                      <td>{formatDate(consumption.asOf)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {rows.map(({ convention, consumption }) => (
                <ConventionCard key={convention.id} convention={convention} consumption={consumption} mine={mine} />
              ))}
            </>
          )
        }
      </AsyncView>
    </>
  );
}

function ConventionCard({ convention, consumption, mine }: { convention: Convention; consumption: Consumption; mine: string[] }) {
  const actual = (kind: string) => consumption.lines.filter((l) => l.kind === kind).reduce((n, l) => n + l.quantity, 0);
  // In one order whatever the convention listed: diagnostics, measures, month-measures, dwelling-years.
  const planned = Object.keys(PLANNED_KIND)
    .map((key) => [key, (consumption.planned as Record<string, number | undefined> | null)?.[key]] as const)
    .filter(([, v]) => typeof v === 'number');
  const titleId = `convention-${convention.id}`;
  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId} tabIndex={-1}>
        {conventionTitle(convention)}
      </h2>
      <ul className="actions">
        <li>
          <AppLink href={pathTo('consumption', { id: convention.id })}>Consommation</AppLink>
        </li>
        <li>
          <AppLink href={pathTo('dashboard', { id: convention.id })}>Tableau de bord mensuel</AppLink>
        </li>
        <li>
          <AppLink href={pathTo('report', { id: convention.id })}>Rapport annuel</AppLink>
        </li>
      </ul>
      <div className="columns">
        <table>
          <caption>Volumes prévus et réalisés en {consumption.year}</caption>
          <thead>
            <tr>
              <th scope="col">Volume</th>
              <th scope="col" className="num">Prévu</th>
              <th scope="col" className="num">Réalisé</th>
            </tr>
          </thead>
          <tbody>
            {(planned.length ? planned : Object.keys(PLANNED_KIND).map((k) => [k, undefined] as const)).map(([key, value]) => (
              <tr key={key}>
                <th scope="row">{PLANNED_LABELS[key] ?? key}</th>
                <td className="num">{value === undefined ? 'non prévu' : formatCount(value)}</td>
                <td className="num">{formatCount(actual(PLANNED_KIND[key] ?? key))}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table>
          <caption>{consumption.funderShares.length > 1 ? 'Cofinancement : part de chaque financeur' : 'Financeur'}</caption>
          <thead>
            <tr>
              <th scope="col">Financeur</th>
              <th scope="col" className="num">Part</th>
              <th scope="col" className="num">Montant consommé</th>
            </tr>
          </thead>
          <tbody>
            {consumption.funderShares.map((share) => (
              <tr key={share.funder} className={mine.includes(share.funder) ? 'mine' : undefined}>
                <th scope="row">
                  {share.funder}
                  {mine.includes(share.funder) ? ' (vous)' : ''}
                </th>
                <td className="num">{formatShare(share.share)}</td>
                <td className="num">{formatEurosFromCents(share.amountCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
