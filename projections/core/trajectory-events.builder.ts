import { randomUUID } from 'node:crypto';
import type { CalendarDate } from '../../libs/domain/src';
import type { NewEvent, RecordedEvent } from '../../libs/event-store/src/event-store.port';
import type { ProgrammeTerms } from '../../workflows/programmes/src';
import type { TrajectoryEventDataMap, TrajectoryEventType } from '../../workflows/trajectory/src/events';

export const DEFAULT_TERMS: ProgrammeTerms = {
  code: 'asll-test',
  firstContactDays: 15,
  diagnosticDays: 45,
  contractSignatureDays: 30,
  durationMonths: 6,
  renewals: { count: 2, months: 6 },
  bilanEveryMonths: 3,
  pointEveryMonths: 1,
  allowedBriques: ['2.1', '2.2', '2.3', '2.4', '2.5', '2.6', '2.7', '3.1', '3.2', '3.3', '3.4', '3.5', '3.6'],
};

export interface JourneyOptions {
  id?: string;
  terms?: ProgrammeTerms;
  conventionId?: string;
  householdId?: string;
  prescriber?: { kind: 'landlord' | 'fsl' | 'departement' | 'ccas' | 'siao' | 'dalo-commission' | 'ccapex' | 'chrs' | 'other'; name: string };
}

/**
 * Writes the events of one trajectory in the shapes the workflow records, with business dates in
 * metadata. For projection tests, the benchmark's synthetic load and demo data; the workflow's
 * own rules are not checked here (the e2e tests go through the engine for that).
 */
export class TrajectoryJourney {
  readonly id: string;
  readonly streamId: string;
  readonly events: NewEvent[] = [];
  private readonly terms: ProgrammeTerms;

  constructor(private readonly options: JourneyOptions = {}) {
    this.id = options.id ?? randomUUID();
    this.streamId = `trajectory-${this.id}`;
    this.terms = options.terms ?? DEFAULT_TERMS;
  }

  add<K extends TrajectoryEventType>(type: K, on: CalendarDate, data: TrajectoryEventDataMap[K]): this {
    this.events.push({ id: randomUUID(), type, schemaVersion: 1, data, metadata: { occurredAt: on, actor: { id: 'test', role: 'referent' }, workflowVersion: 1 } });
    return this;
  }

  saisine(on: CalendarDate, personalName = 'Dupont'): this {
    return this.add('SaisineReceived', on, {
      workflowVersion: 1,
      programme: this.terms,
      conventionId: this.options.conventionId,
      householdId: this.options.householdId ?? randomUUID(),
      prescriber: this.options.prescriber ?? { kind: 'landlord', name: 'Habitat Test' },
      motives: ['unpaid-rent'],
      household: { composition: 'single-parent', childrenCount: 2, ageBand: '25-34', referenceGender: 'female', mainResources: 'rsa' },
      personal: { household: { lastName: personalName, firstName: 'Amélie', phone: '0600000000' }, comment: 'free text about the family' },
    });
  }
  assign(on: CalendarDate, referentId: string): this {
    return this.add('ReferentAssigned', on, { referentId });
  }
  changeReferent(on: CalendarDate, referentId: string, previousReferentId: string): this {
    return this.add('ReferentChanged', on, { referentId, previousReferentId, personal: { handOverNote: 'note' } });
  }
  firstContact(on: CalendarDate): this {
    return this.add('FirstContactRecorded', on, { mode: 'home-visit', personal: { summary: 'met at home' } });
  }
  grid(on: CalendarDate, rating: 'acquired' | 'in-progress' | 'needs-support' = 'needs-support'): this {
    return this.add('EvaluationGridRecorded', on, {
      ratings: (['pouvoir-louer', 'savoir-louer', 'savoir-habiter', 'savoir-s-adapter', 'besoin-accompagnement'] as const).map((axis) => ({ axis, rating })),
      personal: { comments: [{ axis: 'savoir-louer', comment: 'private' }] },
    });
  }
  conclude(on: CalendarDate, outcome: 'autonomous' | 'orient-existing' | 'propose-accompaniment' = 'propose-accompaniment'): this {
    return this.add('DiagnosticConcluded', on, {
      outcome,
      householdSigned: true,
      ...(outcome === 'orient-existing' ? { relaisPartner: { kind: 'ccas' as const, partnerName: 'CCAS Test' } } : {}),
    });
  }
  draft(on: CalendarDate, o: { months?: number; bilanEveryMonths?: number; conventionId?: string; measureType?: string } = {}): this {
    return this.add('ContractDrafted', on, {
      measureType: o.measureType ?? 'AVDL',
      briques: ['2.1', '2.5'],
      durationMonths: o.months ?? this.terms.durationMonths,
      bilanEveryMonths: o.bilanEveryMonths ?? this.terms.bilanEveryMonths,
      meetingFrequency: 'monthly',
      occupancyStatus: 'direct-lease',
      conventionId: o.conventionId ?? this.options.conventionId ?? 'none',
      objectives: [{ id: 'o1' }],
      personal: { objectives: [{ id: 'o1', text: 'find a flat' }] },
    });
  }
  sign(on: CalendarDate, party: 'household' | 'referent' | 'landlord'): this {
    return this.add('ContractSigned', on, { party });
  }
  measureStarted(on: CalendarDate, endsOn: CalendarDate, o: { measureType?: string; conventionId?: string } = {}): this {
    return this.add('MeasureStarted', on, {
      startsOn: on,
      endsOn,
      durationMonths: this.terms.durationMonths,
      measureType: o.measureType ?? 'AVDL',
      programmeCode: this.terms.code,
      conventionId: o.conventionId ?? this.options.conventionId ?? 'none',
    });
  }
  brique(on: CalendarDate, code: string, cadence: 'once' | 'monthly' | 'yearly' = 'monthly', group = 'AVDL'): this {
    return this.add('BriqueStarted', on, { code, group, cadence });
  }
  point(on: CalendarDate, briqueCode: string): this {
    return this.add('PointRecorded', on, { briqueCode, mode: 'monthly-point', personal: { summary: 'talked about rent' } });
  }
  completeBrique(on: CalendarDate, briqueCode: string): this {
    return this.add('BriqueCompleted', on, { briqueCode, result: 'achieved' });
  }
  bilan(on: CalendarDate, number = 1): this {
    return this.add('BilanRecorded', on, { number, personal: { summary: 'going well' } });
  }
  suspend(on: CalendarDate): this {
    return this.add('MeasureSuspended', on, { reason: 'hospital' });
  }
  resume(on: CalendarDate, suspendedSince: CalendarDate, days: number): this {
    return this.add('MeasureResumed', on, { suspendedSince, days });
  }
  renew(on: CalendarDate, previousEndsOn: CalendarDate, endsOn: CalendarDate, renewalNumber = 1): this {
    return this.add('MeasureRenewed', on, { renewalNumber, months: this.terms.renewals.months, previousEndsOn, endsOn });
  }
  startEvaluation(on: CalendarDate, measureEndsOn: CalendarDate): this {
    return this.add('EvaluationStarted', on, { measureEndsOn });
  }
  finalEvaluation(on: CalendarDate, endReason: TrajectoryEventDataMap['FinalEvaluationRecorded']['endReason'] = 'housed', rating: 'acquired' | 'in-progress' | 'needs-support' = 'acquired'): this {
    return this.add('FinalEvaluationRecorded', on, {
      ratings: (['pouvoir-louer', 'savoir-louer', 'savoir-habiter', 'savoir-s-adapter', 'besoin-accompagnement'] as const).map((axis) => ({ axis, rating })),
      objectives: [{ id: 'o1', met: true }],
      endReason,
      householdSigned: true,
    });
  }
  close(on: CalendarDate, endReason: TrajectoryEventDataMap['TrajectoryClosed']['endReason'] = 'housed'): this {
    return this.add('TrajectoryClosed', on, { endReason });
  }
  handOff(on: CalendarDate): this {
    return this.add('HandedOff', on, { partner: { kind: 'ccas', partnerName: 'CCAS Test' } });
  }
  confirmRelais(on: CalendarDate): this {
    return this.add('RelaisConfirmed', on, { partner: { kind: 'ccas', partnerName: 'CCAS Test' } });
  }
  startVeille(on: CalendarDate): this {
    return this.add('VeilleStarted', on, {});
  }
  veilleVisit(on: CalendarDate): this {
    return this.add('VeilleVisitRecorded', on, { mode: 'home-visit' });
  }
  reopen(on: CalendarDate, cycle = 2): this {
    return this.add('TrajectoryReopened', on, { cycle });
  }
  endVeille(on: CalendarDate): this {
    return this.add('VeilleEnded', on, { endReason: 'autonomous' });
  }
  withdraw(on: CalendarDate, fromStage: TrajectoryEventDataMap['TrajectoryWithdrawn']['fromStage']): this {
    return this.add('TrajectoryWithdrawn', on, { fromStage, orientation: { kind: 'ccas' } });
  }
  note(on: CalendarDate): this {
    return this.add('NoteRecorded', on, { category: 'note', personal: { text: 'secret' } });
  }

  /** The events as a store would return them (versions 1..n, positions from `firstPosition`). */
  recorded(firstPosition = 1): RecordedEvent[] {
    return this.events.map((e, i) => ({
      id: e.id,
      streamId: this.streamId,
      version: i + 1,
      globalPosition: firstPosition + i,
      checkpoint: `${firstPosition + i}/${firstPosition + i}`,
      type: e.type,
      schemaVersion: e.schemaVersion ?? 1,
      data: e.data,
      metadata: { ...e.metadata, recordedAt: '2026-01-01T00:00:00.000Z' },
      hash: '',
    }));
  }
}
