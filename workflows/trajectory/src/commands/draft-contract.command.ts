import { MEETING_FREQUENCIES, OCCUPANCY_STATUSES, type Landlord, type MeetingFrequency, type OccupancyStatus } from '../vocabulary/trajectory-terms';
import { compact, event, invalid, type TrajectoryCommandSpec } from './support/trajectory-command';

export interface DraftContractPayload {
  measureType: string;
  briques: string[];
  /** Default: the programme's duration. */
  durationMonths?: number;
  /** Default: the programme's bilan cadence. */
  bilanEveryMonths?: number;
  meetingFrequency: MeetingFrequency;
  occupancyStatus: OccupancyStatus;
  landlord?: Landlord;
  /** Default: the saisine's convention. */
  conventionId?: string;
  objectives?: { id: string }[];
  personal?: {
    objectives?: { id: string; text: string }[];
    meetingPlace?: string;
    landlordContact?: string;
  };
}

export const draftContract: TrajectoryCommandSpec<'draft-contract'> = {
  produces: ['ContractDrafted'],
  read: (c) =>
    compact({
      measureType: c.str('measureType', { max: 40 })!,
      briques: c.list('briques', (b, raw) => (typeof raw === 'string' && raw !== '' ? raw : b.problem('', 'must be a brique code')), { minItems: 1 })!,
      durationMonths: c.int('durationMonths', { optional: true, min: 1, max: 60 }),
      bilanEveryMonths: c.int('bilanEveryMonths', { optional: true, min: 1, max: 24 }),
      meetingFrequency: c.oneOf('meetingFrequency', MEETING_FREQUENCIES)!,
      occupancyStatus: c.oneOf('occupancyStatus', OCCUPANCY_STATUSES)!,
      landlord: c.obj('landlord', (l) => compact({ name: l.str('name')!, id: l.str('id', { optional: true }) }), { optional: true }),
      conventionId: c.str('conventionId', { optional: true }),
      objectives: c.list('objectives', (o) => ({ id: o.str('id', { max: 60 })! }), { optional: true }),
      personal: c.personal() as DraftContractPayload['personal'],
    }),
  decide: (p, { context, deps }) => {
    const unknown = p.briques.filter((code) => !deps.briques.has(code));
    if (unknown.length) return invalid('briques', `names briques that are not in the catalogue: ${unknown.join(', ')}`, 'unknown-brique');
    const conventionId = p.conventionId ?? context.conventionId;
    if (!conventionId) return invalid('conventionId', 'is required: the contract must name the convention that funds it', 'convention-required');
    const ids = (p.objectives ?? []).map((o) => o.id);
    if (new Set(ids).size !== ids.length) return invalid('objectives', 'must have distinct ids');
    return [
      event(
        'ContractDrafted',
        compact({
          measureType: p.measureType,
          briques: [...new Set(p.briques)],
          durationMonths: p.durationMonths ?? context.programme?.durationMonths ?? 6,
          bilanEveryMonths: p.bilanEveryMonths ?? context.programme?.bilanEveryMonths ?? 3,
          meetingFrequency: p.meetingFrequency,
          occupancyStatus: p.occupancyStatus,
          landlord: p.landlord,
          conventionId,
          objectives: p.objectives ?? [],
          personal: p.personal,
        }),
      ),
    ];
  },
};
