import type { Orientation } from '../vocabulary/orientation';

export const SAISINE_DECLINED = 'SaisineDeclined';

/** The household does not want the accompaniment (free adhesion); the trajectory closes. */
export interface SaisineDeclinedData {
  orientation?: Orientation;
  personal?: { comment?: string };
}
