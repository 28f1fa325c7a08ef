import type { GridItemRating } from '../../../../workflows/trajectory/src/vocabulary/evaluation-grid';
import { GRID_AXES } from '../../../../workflows/trajectory/src/vocabulary/evaluation-grid';
import { VOCABULARY_LABELS_FR } from '../../../../workflows/trajectory/src/vocabulary/vocabulary-labels.fr';
import { formatDate } from '../format/format-date';

export interface GridSnapshot {
  on: string;
  ratings: GridItemRating[];
}

const keyOf = (r: Pick<GridItemRating, 'axis' | 'item'>) => `${r.axis}|${r.item ?? ''}`;
const word = (code: string | undefined) => (code ? (VOCABULARY_LABELS_FR[code] ?? code) : '—');

/**
 * The evaluation grid at the diagnostic and at the end, side by side, axis by axis (in the grid's
 * order; an item rated inside an axis on its own line), so the way travelled reads at a glance.
 * Before the final evaluation its column says it is still to come.
 */
export function EvaluationGridComparison({ diagnostic, final }: { diagnostic?: GridSnapshot; final?: GridSnapshot }) {
  if (!diagnostic && !final) return null;
  const lines = new Map<string, Pick<GridItemRating, 'axis' | 'item'>>();
  for (const r of [...(diagnostic?.ratings ?? []), ...(final?.ratings ?? [])]) if (!lines.has(keyOf(r))) lines.set(keyOf(r), { axis: r.axis, item: r.item });
  const order = (l: Pick<GridItemRating, 'axis' | 'item'>) => (GRID_AXES as readonly string[]).indexOf(l.axis);
  const sorted = [...lines.values()].sort((a, b) => order(a) - order(b) || (a.item ?? '').localeCompare(b.item ?? ''));
  const at = (grid: GridSnapshot | undefined, line: Pick<GridItemRating, 'axis' | 'item'>) => grid?.ratings.find((r) => keyOf(r) === keyOf(line))?.rating;
  return (
    <section aria-labelledby="grid-title">
      <h2 id="grid-title">Grille d’évaluation</h2>
      <table className="list grid-comparison">
        <caption className="visually-hidden">Appréciation de chaque axe au diagnostic et à la fin de la mesure</caption>
        <thead>
          <tr>
            <th scope="col">Axe</th>
            <th scope="col">Au diagnostic{diagnostic ? ` (${formatDate(diagnostic.on)})` : ''}</th>
            <th scope="col">À la fin{final ? ` (${formatDate(final.on)})` : ''}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((line) => {
            const before = at(diagnostic, line);
            const after = at(final, line);
            return (
              <tr key={keyOf(line)}>
                <th scope="row">
                  {word(line.axis)}
                  {line.item ? ` — ${line.item}` : ''}
                </th>
                <td>{diagnostic ? word(before) : 'Pas encore renseignée'}</td>
                <td>{final ? word(after) : 'À venir'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
