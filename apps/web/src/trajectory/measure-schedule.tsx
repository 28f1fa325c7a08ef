import { StatusBadge } from '../components/status-badge';
import { formatDate } from '../format/format-date';
import { DEADLINE_KIND_LABELS, label } from '../i18n/labels.fr';

export interface ScheduledDeadline {
  kind: string;
  dueOn: string;
  status: string;
  briqueCode?: string | null;
  /** A programme's own milestone: its code and its title. */
  code?: string | null;
  title?: string;
}

/**
 * The measure's whole schedule, as the API computes it (the view's `schedule`: what is due now and
 * every later bilan, the measure's end, the veille visit), in date order, each with its status.
 * Months with a measure counted so far are said beside it (month-measures, what the funder pays).
 */
export function MeasureSchedule({ schedule, monthMeasures }: { schedule: ScheduledDeadline[] | undefined; monthMeasures?: { count: number } }) {
  if (!schedule || schedule.length === 0) return null;
  const rows = [...schedule].sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  return (
    <section aria-labelledby="schedule-title">
      <h2 id="schedule-title">Calendrier de la mesure</h2>
      {monthMeasures && monthMeasures.count > 0 && (
        <p>
          {monthMeasures.count} mois-mesure{monthMeasures.count > 1 ? 's' : ''} comptés à ce jour.
        </p>
      )}
      <table className="list">
        <caption className="visually-hidden">Toutes les échéances prévues de la mesure, par date</caption>
        <thead>
          <tr>
            <th scope="col">Échéance</th>
            <th scope="col">Pour le</th>
            <th scope="col">Statut</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((d, i) => (
            <tr key={`${d.kind}-${d.briqueCode ?? ''}-${d.code ?? ''}-${d.dueOn}-${i}`}>
              <td>
                {d.title ?? label(DEADLINE_KIND_LABELS, d.kind)}
                {d.briqueCode ? ` (brique ${d.briqueCode})` : ''}
              </td>
              <td>{formatDate(d.dueOn)}</td>
              <td>
                <StatusBadge status={d.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
