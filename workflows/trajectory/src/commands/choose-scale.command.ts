import { s, type Infer } from '../../../engine/src';
import { measureScaleChosenEvent } from '../events/measure-scale-chosen.event';
import { checkScale } from '../convention-directory';
import { code } from './support/fields';
import { defineCommand, event, invalid } from './support/trajectory-command';

export const chooseScale = defineCommand({
  name: 'choose-scale',
  summary: { en: 'Choose the measure’s barème (coordinator)', fr: 'Choisir le barème de la mesure (chef de service)' },
  description: {
    en: 'Once the contract is drafted: the scale (barème) of its convention this measure is priced on, chosen by the difficulty of the case. The last choice counts.',
    fr: 'Une fois le contrat rédigé : le barème de la convention sur lequel la mesure est tarifée, selon la difficulté de la situation. Le dernier choix compte.',
  },
  payload: s.object({
    scale: code({ en: 'a scale code', fr: 'un code de barème' }, { label: { fr: 'Barème', en: 'Scale' }, description: 'A scale code of the convention (prices.perMeasure).', example: 'renforce' }),
  }),
  example: { scale: 'renforce' },
  produces: [measureScaleChosenEvent],
  refusals: ['unknown-scale'],
  decide: (p, { context, deps }) => {
    const conventionId = context.contract?.conventionId ?? context.conventionId;
    if (!conventionId) return invalid('scale', 'needs the contract’s convention: draft the contract first', 'unknown-scale');
    const problem = checkScale(deps.conventions, context.programmeCode ?? '', conventionId, p.scale);
    if (problem) return invalid('scale', problem, 'unknown-scale');
    return [event(measureScaleChosenEvent, { scale: p.scale, conventionId })];
  },
});

export type ChooseScalePayload = Infer<typeof chooseScale.payload>;
