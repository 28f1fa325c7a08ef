import type { ApiClient } from '../../api/api-client';
import { useLoad } from '../../components/async-view';
import { formatDate, formatEurosFromCents } from '../../format/format-date';
import { formatCount, formatPercent } from '../../format/format-figures';
import { monthLabel, UNIT_KIND_LABELS } from '../../i18n/funding-labels.fr';
import { label } from '../../i18n/labels.fr';
import { YearToolbar } from './year-toolbar';
import { ConventionNav, ConventionView } from './convention-nav';
import { CHART_COLOURS, EUROS_AXIS, FigureChart } from './figure-chart';
import { type Consumption, conventionPaths, conventionTitle, loadConvention, type MonthlyDashboard, yearParam } from './funder-api';

/** The months of `year` the figures run to: all twelve for a past year, up to asOf's month for this one. */
export function monthsUpTo(year: number, asOf: string): string[] {
  const [y, m] = [Number(asOf.slice(0, 4)), Number(asOf.slice(5, 7))];
  const last = y > year ? 12 : y === year ? m : 0;
  return Array.from({ length: last }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
}

/**
 * What a convention consumed in a year: month by month and cumulated against the cap. The months
 * are the API's monthly dashboards (amount of the month, year to date): nothing is added up here.
 */
export default function ConsumptionPage({ api, id, search }: { api: ApiClient; id: string; search: string }) {
  const year = yearParam(search);
  const [loaded] = useLoad(async () => {
    const convention = await loadConvention(api, id);
    const consumption = (await api.get<Consumption>(conventionPaths.consumption(id, year ?? convention.year))).body;
    const months = await Promise.all(monthsUpTo(consumption.year, consumption.asOf).map((m) => api.get<MonthlyDashboard>(conventionPaths.dashboard(id, m)).then((a) => a.body)));
    return { convention, consumption, months };
  }, [id, year]);

  return (
    <ConventionView loaded={loaded} id={id} current="consumption">
      {({ convention, consumption, months }) => (
        <>
          <ConventionNav id={id} current="consumption" />
          <h1 tabIndex={-1}>Consommation {consumption.year}</h1>
          <p className="lead">
            {conventionTitle(convention)} · arrêtée au {formatDate(consumption.asOf)}
          </p>
          <YearToolbar api={api} id={id} year={consumption.year} page="consumption" csvPath={conventionPaths.consumption(id, consumption.year)} csvName={`consommation-${id}-${consumption.year}.csv`} />
          <dl className="figures">
            <div>
              <dt>Consommé</dt>
              <dd data-figure="total">{formatEurosFromCents(consumption.totalCents)}</dd>
            </div>
            <div>
              <dt>Plafond</dt>
              <dd>{formatEurosFromCents(consumption.capCents)}</dd>
            </div>
            <div>
              <dt>Restant</dt>
              <dd className={consumption.overCap ? 'error' : undefined}>
                {formatEurosFromCents(consumption.remainingCents)}
                {consumption.overCap ? ' (plafond dépassé)' : ''}
              </dd>
            </div>
            <div>
              <dt>Utilisé</dt>
              <dd>{formatPercent(consumption.usedPercent)}</dd>
            </div>
          </dl>
          <MonthlyChart months={months} capCents={consumption.capCents} />
          <table className="list">
            <caption>Mois par mois</caption>
            <thead>
              <tr>
                <th scope="col">Mois</th>
                <th scope="col" className="num">Montant du mois</th>
                <th scope="col" className="num">Cumul de l'année</th>
                <th scope="col" className="num">Part du plafond</th>
              </tr>
            </thead>
            <tbody>
              {months.map((d) => (
                <tr key={d.month}>
                  <th scope="row">{monthLabel(d.month)}</th>
                  <td className="num">{formatEurosFromCents(d.amountThisMonthCents)}</td>
                  <td className="num">{formatEurosFromCents(d.yearToDate.totalCents)}</td>
                  <td className="num">{formatPercent(d.yearToDate.usedPercent)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table className="list">
            <caption>Par unité facturable</caption>
            <thead>
              <tr>
                <th scope="col">Unité</th>
                <th scope="col">Barème</th>
                <th scope="col" className="num">Quantité</th>
                <th scope="col" className="num">Prix unitaire</th>
                <th scope="col" className="num">Montant</th>
              </tr>
            </thead>
            <tbody>
              {consumption.lines.map((line) => (
                <tr key={`${line.kind}-${line.scale ?? ''}`}>
                  <th scope="row">{label(UNIT_KIND_LABELS, line.kind)}</th>
                  <td>{line.scale ?? '—'}</td>
                  <td className="num">{formatCount(line.quantity)}</td>
                  <td className="num">{formatEurosFromCents(line.unitPriceCents)}</td>
                  <td className="num">{formatEurosFromCents(line.amountCents)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={4}>
                  Total
                </th>
                <td className="num">{formatEurosFromCents(consumption.totalCents)}</td>
              </tr>
            </tfoot>
          </table>
        </>
      )}
    </ConventionView>
  );
}

function MonthlyChart({ months, capCents }: { months: MonthlyDashboard[]; capCents: number }) {
  if (months.length === 0) return <p>Aucun mois de cette année n'a encore commencé.</p>;
  const last = months[months.length - 1];
  return (
    <FigureChart
      caption="Montant consommé chaque mois (barres) et cumulé depuis janvier (ligne), face au plafond annuel (tirets)."
      description={`Consommation de ${monthLabel(months[0].month)} à ${monthLabel(last.month)} : cumul ${formatEurosFromCents(last.yearToDate.totalCents)} pour un plafond de ${formatEurosFromCents(capCents)}.`}
      config={{
        type: 'bar',
        data: {
          labels: months.map((d) => monthLabel(d.month)),
          datasets: [
            { type: 'bar', label: 'Montant du mois', data: months.map((d) => d.amountThisMonthCents / 100), backgroundColor: CHART_COLOURS.primary, order: 2 },
            {
              type: 'line',
              label: 'Cumul de l’année',
              data: months.map((d) => d.yearToDate.totalCents / 100),
              borderColor: CHART_COLOURS.secondary,
              backgroundColor: CHART_COLOURS.secondary,
              pointStyle: 'rectRot',
              pointRadius: 5,
              order: 1,
            },
            {
              type: 'line',
              label: 'Plafond',
              data: months.map(() => capCents / 100),
              borderColor: CHART_COLOURS.neutral,
              borderDash: [6, 4],
              pointRadius: 0,
              order: 0,
            },
          ],
        },
        options: { scales: { y: { beginAtZero: true, ...EUROS_AXIS } }, plugins: { legend: { position: 'bottom' } } },
      }}
      onDrawn={(chart, canvas) => {
        // What the chart's last cumulated point is, as drawn (cents): what a test compares with the API's figure.
        const cumulated = chart.data.datasets[1].data;
        canvas.dataset.lastCumulatedCents = String(Math.round(Number(cumulated[cumulated.length - 1]) * 100));
      }}
    />
  );
}
