import type { ApiClient } from '../../api/api-client';
import { useLoad } from '../../components/async-view';
import { CsvDownload, PrintButton } from '../../components/csv-download';
import { formatDate, formatEurosFromCents } from '../../format/format-date';
import { formatCount, formatPercent } from '../../format/format-figures';
import { END_REASON_LABELS, monthLabel, UNIT_KIND_LABELS } from '../../i18n/funding-labels.fr';
import { label } from '../../i18n/labels.fr';
import { navigate } from '../../routing/use-location';
import { pathTo } from '../../routing/web-routes';
import { ConventionNav, ConventionView } from './convention-nav';
import { CHART_COLOURS, EUROS_AXIS, FigureChart } from './figure-chart';
import { conventionPaths, conventionTitle, loadConvention, type MonthlyDashboard } from './funder-api';

/** The twelve months of the convention's year, and the month shown if it is another year's. */
function monthsOf(year: number, shown: string): string[] {
  const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
  return months.includes(shown) ? months : [shown, ...months];
}

/**
 * domain.md §7, the monthly dashboard: the month's activity, its closures and its amount, and the
 * year to date against the cap, as the API computes them (exact counts: the dashboard is the
 * funder's own, the API does not mask it).
 */
export default function DashboardPage({ api, id, search }: { api: ApiClient; id: string; search: string }) {
  const asked = new URLSearchParams(search).get('month');
  const month = asked && /^\d{4}-\d{2}$/.test(asked) ? asked : undefined;
  const [loaded] = useLoad(async () => {
    const [convention, dashboard] = await Promise.all([loadConvention(api, id), api.get<MonthlyDashboard>(conventionPaths.dashboard(id, month)).then((a) => a.body)]);
    return { convention, dashboard };
  }, [id, month]);

  return (
    <ConventionView loaded={loaded} id={id} current="dashboard">
      {({ convention, dashboard: d }) => {
        const activity: [string, number][] = [
          ['Saisines reçues', d.saisinesReceived],
          ['Diagnostics commencés', d.diagnosticsStarted],
          ['Diagnostics conclus', d.diagnosticsConcluded],
          ['Mesures actives', d.measuresActive],
          ['Mois-mesures', d.monthMeasures],
        ];
        const closures = Object.entries(d.closuresByEndReason);
        return (
          <>
            <ConventionNav id={id} current="dashboard" />
            <h1 tabIndex={-1}>Tableau de bord — {monthLabel(d.month)}</h1>
            <p className="lead">
              {conventionTitle(convention)} · arrêté au {formatDate(d.asOf)}
            </p>
            <form className="filters" aria-label="Mois" onSubmit={(e) => e.preventDefault()}>
              <label>
                Mois
                <select name="month" value={d.month} onChange={(e) => navigate(`${pathTo('dashboard', { id })}?month=${e.target.value}`, { replace: true })}>
                  {monthsOf(convention.year, d.month).map((m) => (
                    <option key={m} value={m}>
                      {monthLabel(m)}
                    </option>
                  ))}
                </select>
              </label>
              <CsvDownload api={api} path={conventionPaths.dashboard(id, d.month)} fallbackName={`tableau-de-bord-${id}-${d.month}.csv`}>
                Télécharger le CSV
              </CsvDownload>
              <PrintButton />
            </form>
            <div className="columns">
              <table>
                <caption>Activité du mois</caption>
                <tbody>
                  {activity.map(([name, value]) => (
                    <tr key={name}>
                      <th scope="row">{name}</th>
                      <td className="num">{formatCount(value)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <table>
                <caption>Clôtures par motif</caption>
                <tbody>
                  {closures.length === 0 ? (
                    <tr>
                      <td>Aucune clôture ce mois-ci.</td>
                    </tr>
                  ) : (
                    closures.map(([reason, n]) => (
                      <tr key={reason}>
                        <th scope="row">{label(END_REASON_LABELS, reason)}</th>
                        <td className="num">{formatCount(n)}</td>
                      </tr>
                    ))
                  )}
                </tbody>
              </table>
              <table>
                <caption>Montants</caption>
                <tbody>
                  <tr>
                    <th scope="row">Ce mois-ci</th>
                    <td className="num">{formatEurosFromCents(d.amountThisMonthCents)}</td>
                  </tr>
                  <tr>
                    <th scope="row">Depuis janvier</th>
                    <td className="num">{formatEurosFromCents(d.yearToDate.totalCents)}</td>
                  </tr>
                  <tr>
                    <th scope="row">Plafond annuel</th>
                    <td className="num">{formatEurosFromCents(d.yearToDate.capCents)}</td>
                  </tr>
                  <tr>
                    <th scope="row">Restant</th>
                    <td className={`num${d.yearToDate.overCap ? ' error' : ''}`}>
                      {formatEurosFromCents(d.yearToDate.remainingCents)}
                      {d.yearToDate.overCap ? ' (plafond dépassé)' : ''}
                    </td>
                  </tr>
                  <tr>
                    <th scope="row">Part du plafond utilisée</th>
                    <td className="num">{formatPercent(d.yearToDate.usedPercent)}</td>
                  </tr>
                </tbody>
              </table>
            </div>
            <div className="columns">
              <FigureChart
                caption="Activité du mois, en nombre."
                description={activity.map(([name, value]) => `${name} : ${value}`).join(', ')}
                config={{
                  type: 'bar',
                  data: { labels: activity.map(([name]) => name), datasets: [{ label: monthLabel(d.month), data: activity.map(([, v]) => v), backgroundColor: CHART_COLOURS.primary }] },
                  options: { indexAxis: 'y', scales: { x: { beginAtZero: true, ticks: { precision: 0 } } }, plugins: { legend: { display: false } } },
                }}
              />
              <FigureChart
                caption="Consommé depuis janvier face au plafond annuel."
                description={`Consommé depuis janvier : ${formatEurosFromCents(d.yearToDate.totalCents)} ; plafond : ${formatEurosFromCents(d.yearToDate.capCents)}.`}
                config={{
                  type: 'bar',
                  data: {
                    labels: ['Depuis janvier', 'Plafond'],
                    datasets: [{ label: 'Montant', data: [d.yearToDate.totalCents / 100, d.yearToDate.capCents / 100], backgroundColor: [CHART_COLOURS.secondary, CHART_COLOURS.neutral] }],
                  },
                  options: { indexAxis: 'y', scales: { x: { beginAtZero: true, ...EUROS_AXIS } }, plugins: { legend: { display: false } } },
                }}
              />
            </div>
            <table className="list">
              <caption>Unités facturées ce mois-ci</caption>
              <thead>
                <tr>
                  <th scope="col">Unité</th>
                  <th scope="col">Barème</th>
                  <th scope="col" className="num">Quantité</th>
                  <th scope="col" className="num">Montant</th>
                </tr>
              </thead>
              <tbody>
                {d.linesThisMonth.map((line) => (
                  <tr key={`${line.kind}-${line.scale ?? ''}`}>
                    <th scope="row">{label(UNIT_KIND_LABELS, line.kind)}</th>
                    <td>{line.scale ?? '—'}</td>
                    <td className="num">{formatCount(line.quantity)}</td>
                    <td className="num">{formatEurosFromCents(line.amountCents)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        );
      }}
    </ConventionView>
  );
}
