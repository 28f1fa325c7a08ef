import { compact, event, type TrajectoryCommandSpec } from './support/trajectory-command';

export interface AssignReferentPayload {
  referentId: string;
}

export const assignReferent: TrajectoryCommandSpec<'assign-referent'> = {
  produces: ['ReferentAssigned'],
  read: (c) => ({ referentId: c.str('referentId')! }),
  decide: (p, { context }) => [event('ReferentAssigned', compact({ referentId: p.referentId, previousReferentId: context.referentId }))],
};
