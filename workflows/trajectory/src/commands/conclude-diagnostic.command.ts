import { s, type Infer } from '../../../engine/src';
import { diagnosticConcludedEvent } from '../events/diagnostic-concluded.event';
import { DIAGNOSTIC_OUTCOMES } from '../vocabulary/trajectory-terms';
import { orientation, personalText } from './support/fields';
import { compact, defineCommand, event } from './support/trajectory-command';

export const concludeDiagnostic = defineCommand({
  name: 'conclude-diagnostic',
  summary: { en: 'Conclude the diagnostic', fr: 'Conclure le diagnostic' },
  description: {
    en: 'Needs the grid and the household’s signature. autonomous closes, orient-existing goes to relais (partner required), propose-accompaniment goes to contract.',
    fr: 'Demande la grille et la signature du ménage. autonomous clôt, orient-existing passe en relais (partenaire obligatoire), propose-accompaniment passe au contrat.',
  },
  payload: s.object({
    outcome: s.oneOf(DIAGNOSTIC_OUTCOMES, { label: { fr: 'Conclusion', en: 'Outcome' }, example: 'propose-accompaniment' }),
    householdSigned: s.boolean({ label: { fr: 'Signé par le ménage', en: 'Signed by the household' }, description: 'The household signed the diagnostic.', example: true }),
    relaisPartner: s.optional(orientation({ label: { fr: 'Partenaire relais', en: 'Relais partner' }, description: 'Required for orient-existing: the partner taking over.' })),
    personal: personalText.summary(),
  }),
  example: { outcome: 'propose-accompaniment', householdSigned: true },
  produces: [diagnosticConcludedEvent],
  decide: (p) =>
    [event(diagnosticConcludedEvent, compact({ outcome: p.outcome, householdSigned: p.householdSigned, relaisPartner: p.relaisPartner, personal: p.personal }))],
});

export type ConcludeDiagnosticPayload = Infer<typeof concludeDiagnostic.payload>;
