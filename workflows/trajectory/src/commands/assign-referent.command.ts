import { s, type Infer } from '../../../engine/src';
import { referentAssignedEvent } from '../events/referent-assigned.event';
import { actorId } from './support/fields';
import { compact, defineCommand, event } from './support/trajectory-command';

export const assignReferent = defineCommand({
  name: 'assign-referent',
  summary: { en: 'Assign the referent', fr: 'Désigner le référent' },
  description: { en: 'Names the social worker who follows the household.', fr: 'Désigne le travailleur social qui suit le ménage.' },
  payload: s.object({ referentId: actorId({ fr: 'Référent', en: 'Referent' }) }),
  example: { referentId: 'referent-cesf-12' },
  produces: [referentAssignedEvent],
  decide: (p, { context }) => [event(referentAssignedEvent, compact({ referentId: p.referentId, previousReferentId: context.referentId }))],
});

export type AssignReferentPayload = Infer<typeof assignReferent.payload>;
