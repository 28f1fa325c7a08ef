import type { Orientation } from '../vocabulary/orientation';
import { defineEvent } from './event-definition';

/** Out of scope: another service fits; the trajectory closes. */
export interface SaisineReorientedData {
  orientation: Orientation;
  personal?: { comment?: string };
}

export const saisineReorientedEvent = defineEvent<SaisineReorientedData>()('SaisineReoriented');
