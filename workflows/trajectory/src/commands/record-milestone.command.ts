import { s, type Infer } from '../../../engine/src';
import { milestoneRecordedEvent } from '../events/milestone-recorded.event';
import { code, longText, personal } from './support/fields';
import { compact, defineCommand, event } from './support/trajectory-command';

export const recordMilestone = defineCommand({
  name: 'record-milestone',
  summary: { en: 'Record a milestone', fr: 'Enregistrer une étape clé' },
  description: {
    en: 'A milestone of the programme was reached (e.g. the lease signed, the sliding lease slid to the household): it closes that deadline.',
    fr: 'Une étape clé du dispositif est atteinte (par exemple le bail signé, le bail glissé au ménage) : l’échéance correspondante est levée.',
  },
  payload: s.object({
    code: code({ en: 'a milestone code of the programme', fr: 'un code d’étape clé du dispositif' }, { label: { fr: 'Étape clé', en: 'Milestone' }, example: 'bail-glisse' }),
    personal: personal({ note: s.optional(longText({ fr: 'Note', en: 'Note' }, 'The landlord signed the lease over to the household.')) }),
  }),
  example: { code: 'bail-glisse' },
  produces: [milestoneRecordedEvent],
  decide: (p) => [event(milestoneRecordedEvent, compact({ code: p.code, personal: p.personal }))],
});

export type RecordMilestonePayload = Infer<typeof recordMilestone.payload>;
