import type { Orientation } from '../vocabulary/orientation';

export const SAISINE_REORIENTED = 'SaisineReoriented';

/** Out of scope: another service fits; the trajectory closes. */
export interface SaisineReorientedData {
  orientation: Orientation;
  personal?: { comment?: string };
}
