import type { Orientation } from '../vocabulary/orientation';
import { defineEvent } from './event-definition';

/** The household does not want the accompaniment (free adhesion); the trajectory closes. */
export interface SaisineDeclinedData {
  orientation?: Orientation;
  personal?: { comment?: string };
}

export const saisineDeclinedEvent = defineEvent<SaisineDeclinedData>()('SaisineDeclined');
