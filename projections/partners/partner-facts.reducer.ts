import type { CalendarDate } from '../../libs/domain/src';
import type { RecordedEvent } from '../../libs/event-store/src/event-store.port';
import type { TrajectoryEventDataMap } from '../../workflows/trajectory/src/events';
import type { SharedContent } from '../../workflows/trajectory/src/events/document-shared.event';
import type { ValidationSubmission } from '../../workflows/trajectory/src/events/measure-submitted.event';
import type { PointMode, PointParty } from '../../workflows/trajectory/src/vocabulary/trajectory-terms';
import { businessDate } from '../core/event-date';
import { evolveTrajectoryFacts, type TrajectoryFacts } from '../core/trajectory-facts.reducer';

/** One submission to a validator and, once decided, its decision (categorical). */
export interface SubmissionFacts {
  submittedOn: CalendarDate;
  submission: ValidationSubmission;
  decision?: { status: 'validated' | 'rejected'; on: CalendarDate; reason?: string; orientationKind?: string; writtenDecision?: { reference: string; decidedOn: string } };
}

/** A document shared with a partner: the categorical content; the free text stays in the event (erasable). */
export interface ShareFacts {
  on: CalendarDate;
  /** The DocumentShared event's stream version: where its free text is read, when the household agreed to share it. */
  eventVersion: number;
  document: string;
  recipient: { kind: string; id: string; name: string };
  householdAgreedOn: string;
  freeTextAgreed: boolean;
  content: SharedContent;
}

/**
 * What partners in the loop may read of one trajectory (issue 13), folded from its events:
 * categorical only, never a field of data.personal. Stage and the saisine's facts come from the
 * shared trajectory facts, so the stage a partner reads is the one every other reader shows.
 */
export interface PartnerFacts {
  version: number;
  facts: TrajectoryFacts;
  landlordId: string | null;
  relaisPartnerId: string | null;
  validatorId: string | null;
  submissions: SubmissionFacts[];
  shares: ShareFacts[];
  /** Points where a landlord, prescriber or partner was present. */
  meetings: { on: CalendarDate; mode: PointMode; parties: PointParty[] }[];
}

type Data<K extends keyof TrajectoryEventDataMap> = TrajectoryEventDataMap[K];

const WITH_PARTNERS: readonly PointParty[] = ['landlord', 'prescriber', 'partner'];

/** Pure fold of one trajectory event into what partners read. */
export function evolvePartnerFacts(state: PartnerFacts | undefined, event: RecordedEvent): PartnerFacts | undefined {
  const facts = evolveTrajectoryFacts(state?.facts, event);
  if (!facts) return undefined;
  const base: PartnerFacts = state
    ? { ...state, version: event.version, facts }
    : { version: event.version, facts, landlordId: null, relaisPartnerId: null, validatorId: null, submissions: [], shares: [], meetings: [] };
  const on = businessDate(event);
  switch (event.type) {
    case 'SaisineReceived': {
      const d = event.data as Data<'SaisineReceived'>;
      return { ...base, validatorId: d.programme.validation?.validatorId ?? null };
    }
    case 'ContractDrafted': {
      const d = event.data as Data<'ContractDrafted'>;
      return { ...base, landlordId: d.landlord?.id ?? null };
    }
    case 'HandedOff': {
      const d = event.data as Data<'HandedOff'>;
      return { ...base, relaisPartnerId: d.partnerId ?? null };
    }
    case 'MeasureSubmittedForValidation': {
      const d = event.data as Data<'MeasureSubmittedForValidation'>;
      return { ...base, validatorId: d.validatorId || base.validatorId, submissions: [...base.submissions, { submittedOn: on, submission: d.submission }] };
    }
    case 'MeasureValidated':
    case 'MeasureRejected': {
      const d = event.data as Data<'MeasureValidated'> & Partial<Data<'MeasureRejected'>>;
      const last = base.submissions[base.submissions.length - 1];
      if (!last || last.decision) return base;
      const decision: SubmissionFacts['decision'] = {
        status: event.type === 'MeasureValidated' ? 'validated' : 'rejected',
        on,
        ...(d.reason ? { reason: d.reason } : {}),
        ...(d.orientation ? { orientationKind: d.orientation.kind } : {}),
        ...(d.writtenDecision ? { writtenDecision: d.writtenDecision } : {}),
      };
      return { ...base, submissions: [...base.submissions.slice(0, -1), { ...last, decision }] };
    }
    case 'DocumentShared': {
      const d = event.data as Data<'DocumentShared'>;
      const share: ShareFacts = {
        on,
        eventVersion: event.version,
        document: d.document,
        recipient: { kind: d.recipient.kind, id: d.recipient.id, name: d.recipient.name },
        householdAgreedOn: d.householdAgreedOn,
        freeTextAgreed: d.freeTextAgreed,
        content: d.content,
      };
      return { ...base, shares: [...base.shares, share] };
    }
    case 'PointRecorded': {
      const d = event.data as Data<'PointRecorded'>;
      const parties = d.parties ?? [];
      if (!parties.some((p) => WITH_PARTNERS.includes(p))) return base;
      return { ...base, meetings: [...base.meetings, { on, mode: d.mode, parties }] };
    }
    default:
      return base;
  }
}
