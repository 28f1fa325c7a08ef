import { s } from '../../../../engine/src';
import { shortText } from './fields';

/** The validator's written decision, which a coordinator records on its behalf. */
export const writtenDecision = () =>
  s.optional(
    s.object(
      {
        reference: shortText({ fr: 'Référence du document', en: 'Document reference' }, 'CR commission FSL 2026-14'),
        decidedOn: s.calendarDate({ label: { fr: 'Date de la décision', en: 'Date of the decision' }, example: '2026-02-20' }),
      },
      {
        label: { fr: 'Décision écrite du valideur', en: 'Validator’s written decision' },
        description: 'Required when a coordinator records the decision on the validator’s behalf.',
      },
    ),
  );
