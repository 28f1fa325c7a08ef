import { s, type Infer } from '../../../engine/src';
import { validateBriqueData } from '../../../briques/src';
import { briqueStartedEvent } from '../events/brique-started.event';
import { briqueCode, longText, personal } from './support/fields';
import { compact, defineCommand, event, invalid } from './support/trajectory-command';

export const startBrique = defineCommand({
  name: 'start-brique',
  summary: { en: 'Start a brique', fr: 'Démarrer une brique' },
  description: {
    en: 'A brique the programme allows; `details` is checked against the brique type’s schema.',
    fr: 'Une brique que le dispositif autorise ; ses « Données de la brique » sont vérifiées selon le type de brique.',
  },
  payload: s.object({
    code: briqueCode(),
    /** Categorical start data, validated by the brique's dataSchema. */
    details: s.optional(s.freeObject({ label: { fr: 'Données de la brique', en: 'Brique data' }, description: 'Brique-specific data, validated by the brique type.', example: {} })),
    personal: personal({ objective: s.optional(longText({ fr: 'Objectif', en: 'Objective' }, 'Find a T3 in the city within six months.')) }),
  }),
  example: { code: '2.1' },
  produces: [briqueStartedEvent],
  refusals: ['unknown-brique', 'invalid-brique-data'],
  decide: (p, { deps }) => {
    const brique = deps.briques.get(p.code);
    if (!brique) return invalid('code', `"${p.code}" is not a brique of the catalogue`, 'unknown-brique');
    const problems = validateBriqueData(brique.dataSchema, p.details);
    if (problems.length) {
      return { refusal: { code: 'invalid-brique-data', kind: 'invalid', reason: problems.map((x) => `${x.field} ${x.reason}`).join('; '), fields: problems } };
    }
    return [event(briqueStartedEvent, compact({ code: brique.code, group: brique.group, cadence: brique.cadence, details: p.details, personal: p.personal }))];
  },
});

export type StartBriquePayload = Infer<typeof startBrique.payload>;
