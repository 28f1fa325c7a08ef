import { randomUUID } from 'node:crypto';
import type { FeedSourceEvent } from '../feed-record.mapper';

/**
 * Builds a trajectory's stored events in the workflow's shapes, with distinctive personal data in
 * `data.personal` (and a householdId) so tests can prove none of it reaches a feed.
 */
export interface JourneyPersonalData {
  lastName: string;
  firstName: string;
  phone: string;
  address: string;
  note: string;
  referent: string;
}

export function personalDataFor(n: number): JourneyPersonalData {
  const tag = `Zq${n.toString(36).padStart(4, '0')}`;
  return {
    lastName: `Vandermeulen${tag}`,
    firstName: `Aurelianne${tag}`,
    phone: `06 ${String(10 + (n % 89)).padStart(2, '0')} 47 ${String(n % 100).padStart(2, '0')} 93`,
    address: `${n + 3} impasse des Glycines-${tag}, 69100 Villeurbanne`,
    note: `Confidential note ${tag}: the household fears eviction`,
    referent: `Referent Marjolaine${tag}`,
  };
}

export class TrajectoryJourney {
  readonly trajectoryId: string;
  readonly streamId: string;
  readonly householdId = randomUUID();
  readonly events: FeedSourceEvent[] = [];

  constructor(
    readonly personal: JourneyPersonalData = personalDataFor(0),
    trajectoryId: string = randomUUID(),
  ) {
    this.trajectoryId = trajectoryId;
    this.streamId = `trajectory-${trajectoryId}`;
  }

  add(type: string, occurredAt: string, data: Record<string, unknown> = {}): this {
    this.events.push({
      id: randomUUID(),
      streamId: this.streamId,
      version: this.events.length + 1,
      type,
      data,
      metadata: { occurredAt, recordedAt: `${occurredAt}T09:00:00.000Z`, householdId: this.householdId } as FeedSourceEvent['metadata'],
    });
    return this;
  }

  saisine(on: string, options: { programme?: string; conventionId?: string; childrenCount?: number } = {}): this {
    return this.add('SaisineReceived', on, {
      workflowVersion: 1,
      programme: { code: options.programme ?? 'asll-test', durationMonths: 6 },
      ...(options.conventionId ? { conventionId: options.conventionId } : {}),
      householdId: this.householdId,
      prescriber: { kind: 'landlord', name: 'Bailleur Social du Rhône' },
      motives: ['unpaid-rent'],
      household: {
        composition: 'single-parent',
        childrenCount: options.childrenCount ?? 2,
        ageBand: '35-44',
        referenceGender: 'female',
        mainResources: 'rsa',
      },
      personal: {
        household: { lastName: this.personal.lastName, firstName: this.personal.firstName, phone: this.personal.phone, address: this.personal.address },
        prescriberContact: { name: this.personal.referent, phone: this.personal.phone },
        comment: this.personal.note,
      },
    });
  }

  diagnostic(firstContact: string, concluded: string, outcome = 'propose-accompaniment'): this {
    this.add('ReferentAssigned', firstContact, { referentId: 'ref-1' });
    this.add('FirstContactRecorded', firstContact, { mode: 'home-visit', personal: { summary: this.personal.note } });
    this.add('EvaluationGridRecorded', concluded, {
      ratings: [
        { axis: 'pouvoir-louer', item: 'adult', rating: 'acquired' },
        { axis: 'pouvoir-louer', item: 'residence-rights', rating: 'needs-support' },
        { axis: 'savoir-louer', rating: 'needs-support' },
        { axis: 'savoir-habiter', rating: 'in-progress' },
      ],
      personal: { comments: [{ axis: 'savoir-louer', comment: this.personal.note }] },
    });
    return this.add('DiagnosticConcluded', concluded, { outcome, householdSigned: true, personal: { summary: this.personal.note } });
  }

  contract(on: string, conventionId: string, briques = ['2.1', '2.5']): this {
    return this.add('ContractDrafted', on, {
      measureType: 'AVDL',
      briques,
      durationMonths: 6,
      bilanEveryMonths: 3,
      meetingFrequency: 'monthly',
      occupancyStatus: 'sliding-lease',
      landlord: { name: 'Bailleur Social du Rhône' },
      conventionId,
      objectives: [{ id: 'o1' }],
      personal: { objectives: [{ id: 'o1', text: this.personal.note }], meetingPlace: this.personal.address, landlordContact: this.personal.phone },
    });
  }

  measureStarted(on: string, conventionId: string): this {
    this.add('ContractSigned', on, { party: 'household' });
    return this.add('MeasureStarted', on, {
      startsOn: on,
      endsOn: on,
      durationMonths: 6,
      measureType: 'AVDL',
      programmeCode: 'asll-test',
      conventionId,
    });
  }

  point(on: string): this {
    return this.add('PointRecorded', on, { briqueCode: '2.1', mode: 'home-visit', personal: { summary: this.personal.note } });
  }

  finalEvaluation(on: string, endReason = 'housed'): this {
    return this.add('FinalEvaluationRecorded', on, {
      ratings: [
        { axis: 'pouvoir-louer', item: 'adult', rating: 'acquired' },
        { axis: 'pouvoir-louer', item: 'residence-rights', rating: 'acquired' },
        { axis: 'savoir-louer', rating: 'in-progress' },
        { axis: 'savoir-habiter', rating: 'acquired' },
        { axis: 'savoir-s-adapter', rating: 'acquired' },
      ],
      objectives: [{ id: 'o1', met: true }],
      endReason,
      householdSigned: true,
      personal: { summary: this.personal.note, comments: [{ axis: 'savoir-louer', comment: this.personal.note }] },
    });
  }

  /** A whole accompaniment: saisine to closing, with points, a bilan, a suspension and a resumption. */
  static full(conventionId: string, personal?: JourneyPersonalData, programme = 'asll-test'): TrajectoryJourney {
    return new TrajectoryJourney(personal)
      .saisine('2026-01-05', { programme })
      .diagnostic('2026-01-12', '2026-01-30')
      .contract('2026-02-02', conventionId)
      .measureStarted('2026-02-10', conventionId)
      .point('2026-02-20')
      .point('2026-03-18')
      .point('2026-05-03')
      .add('BilanRecorded', '2026-05-10', { number: 1, personal: { summary: 'ok' } })
      .add('MeasureSuspended', '2026-06-01', { reason: 'hospital', personal: { comment: 'hospitalised' } })
      .add('MeasureResumed', '2026-07-15', { suspendedSince: '2026-06-01', days: 44 })
      .add('NoteRecorded', '2026-07-20', { category: 'note', personal: { text: 'note' } })
      .add('EvaluationStarted', '2026-08-10', { measureEndsOn: '2026-08-10' })
      .finalEvaluation('2026-08-20')
      .add('TrajectoryClosed', '2026-08-25', { endReason: 'housed' });
  }
}
