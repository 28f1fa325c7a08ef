import { validateBriqueData } from '../../../briques/src';
import { compact, event, invalid, type TrajectoryCommandSpec } from './support/trajectory-command';

export interface StartBriquePayload {
  code: string;
  /** Categorical start data, validated by the brique's dataSchema. */
  details?: Record<string, unknown>;
  personal?: { objective?: string };
}

export const startBrique: TrajectoryCommandSpec<'start-brique'> = {
  produces: ['BriqueStarted'],
  read: (c) => compact({ code: c.str('code', { max: 60 })!, details: c.details('details'), personal: c.personal() }),
  decide: (p, { deps }) => {
    const brique = deps.briques.get(p.code);
    if (!brique) return invalid('code', `"${p.code}" is not a brique of the catalogue`, 'unknown-brique');
    const problems = validateBriqueData(brique.dataSchema, p.details);
    if (problems.length) {
      return {
        refusal: { code: 'invalid-brique-data', kind: 'invalid', reason: problems.map((x) => `${x.field} ${x.reason}`).join('; '), fields: problems },
      };
    }
    return [event('BriqueStarted', compact({ code: brique.code, group: brique.group, cadence: brique.cadence, details: p.details, personal: p.personal }))];
  },
};
