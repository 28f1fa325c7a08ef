import type { ApiClient } from '../../api/api-client';
import { useLoad } from '../../components/async-view';
import { formatDate } from '../../format/format-date';
import { formatCount, formatPercent, type ShownCount } from '../../format/format-figures';
import { vocabulary } from '../../i18n/funding-labels.fr';
import { YearToolbar } from './year-toolbar';
import { ConventionNav, ConventionView } from './convention-nav';
import { CHART_COLOURS, FigureChart } from './figure-chart';
import { conventionPaths, conventionTitle, loadConvention, yearParam, type YearlyReport } from './funder-api';

type Share = YearlyReport['briques'][number];

/** A masked count cannot be drawn without giving it away: the chart leaves a gap, the table says "<5". */
const plotted = (count: ShownCount): number | null => (count === '<5' ? null : count);

/**
 * domain.md §7, the yearly report, for people outside the association: every figure is the API's,
 * counts from 1 to 4 come as "<5" and are shown so (never worked back from a percentage or a total).
 */
export default function ReportPage({ api, id, search }: { api: ApiClient; id: string; search: string }) {
  const year = yearParam(search);
  const [loaded] = useLoad(async () => {
    const convention = await loadConvention(api, id);
    const report = (await api.get<YearlyReport>(conventionPaths.report(id, year ?? convention.year))).body;
    return { convention, report };
  }, [id, year]);

  return (
    <ConventionView loaded={loaded} id={id} current="report">
      {({ convention, report: r }) => {
        const journey: [string, ShownCount][] = [
          ['Ménages reçus', r.households.received],
          ['Diagnostiqués', r.households.diagnosed],
          ['Accompagnés', r.households.accompanied],
          ['Relogés', r.outcomes.housed],
          ['Maintenus dans le logement', r.outcomes.maintained],
          ['Abandons', r.outcomes.abandoned],
        ];
        const masked = journey.some(([, v]) => v === '<5');
        return (
          <>
            <ConventionNav id={id} current="report" />
            <h1 tabIndex={-1}>Rapport annuel {r.year}</h1>
            <p className="lead">
              {conventionTitle(convention)} · arrêté au {formatDate(r.asOf)} · les effectifs de 1 à 4 sont affichés « &lt;5 ».
            </p>
            <YearToolbar api={api} id={id} year={r.year} page="report" csvPath={conventionPaths.report(id, r.year)} csvName={`rapport-${id}-${r.year}.csv`} />
            <div className="columns">
              <table>
                <caption>Ménages et sorties</caption>
                <tbody>
                  {journey.map(([name, value]) => (
                    <tr key={name}>
                      <th scope="row">{name}</th>
                      <td className="num">{formatCount(value)}</td>
                    </tr>
                  ))}
                  <tr>
                    <th scope="row">Ménages concernés dans l'année</th>
                    <td className="num">{formatCount(r.households.population)}</td>
                  </tr>
                </tbody>
              </table>
              <table>
                <caption>Durée moyenne des mesures terminées</caption>
                <tbody>
                  <tr>
                    <th scope="row">Mesures terminées</th>
                    <td className="num">{formatCount(r.averageDuration.measures)}</td>
                  </tr>
                  <tr>
                    <th scope="row">Durée moyenne</th>
                    <td className="num">
                      {r.averageDuration.days !== null
                        ? `${r.averageDuration.days} jours (${r.averageDuration.months ?? '—'} mois)`
                        : r.averageDuration.measures === 0
                          ? 'aucune mesure terminée'
                          : 'non publiée (moins de 5 mesures)'}
                    </td>
                  </tr>
                </tbody>
              </table>
            </div>
            {!journey.some(([, v]) => typeof v === 'number' && v > 0) ? (
              <p className="notice">Pas de graphique : tous les effectifs de l'année sont nuls ou inférieurs à 5 (« &lt;5 »), et un effectif masqué ne se dessine pas.</p>
            ) : (
            <FigureChart
              caption={`Parcours des ménages en ${r.year}.${masked ? ' Les effectifs « <5 » ne sont pas dessinés.' : ''}`}
              description={journey.map(([name, value]) => `${name} : ${formatCount(value)}`).join(', ')}
              config={{
                type: 'bar',
                data: { labels: journey.map(([name]) => name), datasets: [{ label: 'Ménages', data: journey.map(([, v]) => plotted(v)), backgroundColor: CHART_COLOURS.primary }] },
                options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } }, plugins: { legend: { display: false } } },
              }}
            />
            )}
            <h2>Profil des ménages</h2>
            <div className="columns">
              <ShareTable caption="Composition du ménage" shares={r.profile.composition} />
              <ShareTable caption="Ressources principales" shares={r.profile.resources} />
              <ShareTable caption="Âge de la personne de référence" shares={r.profile.ageBand} />
              <ShareTable caption="Genre de la personne de référence" shares={r.profile.gender} />
            </div>
            <h2>Briques</h2>
            <div className="columns">
              <ShareTable caption="Part des ménages accompagnés passés par chaque brique" shares={r.briques} categoryHeader="Brique" labelOf={(code) => code} />
            </div>
            <h2>Progression de la grille d'évaluation</h2>
            <p>
              {r.gridProgress.evaluated === 0
                ? "Aucun ménage n'a encore eu son évaluation finale cette année."
                : `Entre le diagnostic et l'évaluation finale, pour ${formatCount(r.gridProgress.evaluated)} ménage(s) évalué(s), axe par axe.`}
            </p>
            <table className="list">
              <caption>Progression par axe</caption>
              <thead>
                <tr>
                  <th scope="col">Axe</th>
                  <th scope="col" className="num">En progrès</th>
                  <th scope="col" className="num">Stable</th>
                  <th scope="col" className="num">En recul</th>
                </tr>
              </thead>
              <tbody>
                {r.gridProgress.axes.map((a) => (
                  <tr key={a.axis}>
                    <th scope="row">{vocabulary(a.axis)}</th>
                    <td className="num">{formatCount(a.improved)}</td>
                    <td className="num">{formatCount(a.unchanged)}</td>
                    <td className="num">{formatCount(a.worsened)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {r.gridProgress.axes.some((a) => [a.improved, a.unchanged, a.worsened].some((v) => typeof v === 'number' && v > 0)) && (
              <FigureChart
                caption="Progression par axe (ménages) ; les effectifs « <5 » ne sont pas dessinés."
                description={r.gridProgress.axes.map((a) => `${vocabulary(a.axis)} : ${formatCount(a.improved)} en progrès, ${formatCount(a.unchanged)} stables, ${formatCount(a.worsened)} en recul`).join(' ; ')}
                config={{
                  type: 'bar',
                  data: {
                    labels: r.gridProgress.axes.map((a) => vocabulary(a.axis)),
                    datasets: [
                      { label: 'En progrès', data: r.gridProgress.axes.map((a) => plotted(a.improved)), backgroundColor: CHART_COLOURS.tertiary },
                      { label: 'Stable', data: r.gridProgress.axes.map((a) => plotted(a.unchanged)), backgroundColor: CHART_COLOURS.neutral },
                      { label: 'En recul', data: r.gridProgress.axes.map((a) => plotted(a.worsened)), backgroundColor: CHART_COLOURS.secondary },
                    ],
                  },
                  options: { indexAxis: 'y', scales: { x: { stacked: true, beginAtZero: true, ticks: { precision: 0 } }, y: { stacked: true } }, plugins: { legend: { position: 'bottom' } } },
                }}
              />
            )}
          </>
        );
      }}
    </ConventionView>
  );
}

function ShareTable({ caption, shares, categoryHeader = 'Catégorie', labelOf = vocabulary }: { caption: string; shares: Share[]; categoryHeader?: string; labelOf?: (code: string) => string }) {
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{categoryHeader}</th>
          <th scope="col" className="num">Ménages</th>
          <th scope="col" className="num">Part</th>
        </tr>
      </thead>
      <tbody>
        {shares.length === 0 ? (
          <tr>
            <td colSpan={3}>Aucun ménage.</td>
          </tr>
        ) : (
          shares.map((s) => (
            <tr key={s.category}>
              <th scope="row">{labelOf(s.category)}</th>
              <td className="num">{formatCount(s.count)}</td>
              <td className="num">{s.percent === null ? 'masquée' : formatPercent(s.percent)}</td>
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}
