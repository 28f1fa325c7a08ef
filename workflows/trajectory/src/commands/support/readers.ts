import { GRID_AXES, GRID_RATINGS, type GridItemRating } from '../../vocabulary/evaluation-grid';
import { ORIENTATION_KINDS, type Orientation } from '../../vocabulary/orientation';
import type { PayloadCheck } from './payload-check';
import { compact } from './trajectory-command';

/** Readers for the value objects several commands share. */

export function readOrientation(c: PayloadCheck): Orientation {
  return compact({ kind: c.oneOf('kind', ORIENTATION_KINDS)!, partnerName: c.str('partnerName', { optional: true }) });
}

export function readRatings(c: PayloadCheck, field = 'ratings'): GridItemRating[] {
  const ratings =
    c.list(field, (item) => compact({ axis: item.oneOf('axis', GRID_AXES)!, item: item.str('item', { optional: true }), rating: item.oneOf('rating', GRID_RATINGS)! }), {
      minItems: 1,
    }) ?? [];
  if (c.ok) {
    const missing = GRID_AXES.filter((axis) => !ratings.some((r) => r.axis === axis));
    if (missing.length) c.problem(field, `must rate every axis of the grid (missing: ${missing.join(', ')})`);
  }
  return ratings;
}
