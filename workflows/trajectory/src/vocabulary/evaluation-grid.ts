/** The shared evaluation grid (domain.md §4): ratings are categorical, comments are personal. */
export const GRID_AXES = ['pouvoir-louer', 'savoir-louer', 'savoir-habiter', 'savoir-s-adapter', 'besoin-accompagnement'] as const;
export type GridAxis = (typeof GRID_AXES)[number];

export const GRID_RATINGS = ['acquired', 'in-progress', 'needs-support'] as const;
export type GridRating = (typeof GRID_RATINGS)[number];

export interface GridItemRating {
  axis: GridAxis;
  /** Item code inside the axis, e.g. 'pays-rent-regularly'; omitted for an axis-level rating. */
  item?: string;
  rating: GridRating;
}

export interface GridComment {
  axis: GridAxis;
  item?: string;
  comment: string;
}
