import { defineBrique } from '../../briques/src';

/**
 * An association's own brique: collective "remobilisation" workshops (self-esteem, budgeting,
 * getting back into a routine) for households the individual briques do not reach.
 * The start data is categorical; who attends and what is said stays in the events' personal part.
 */
export const remobilisation = defineBrique({
  code: 'remobilisation',
  group: 'association',
  title: 'Remobilisation collective',
  cadence: 'monthly',
  dataSchema: {
    sessionsPlanned: { type: 'number', required: true, integer: true, min: 1, max: 24 },
    format: { type: 'enum', required: true, values: ['collective', 'mixed'] },
    partnerKind: { type: 'enum', values: ['ccas', 'centre-social', 'association'] },
  },
});
