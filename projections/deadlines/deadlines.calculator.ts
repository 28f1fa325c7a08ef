import { addDays, addDelay, addMonths, maxDate, type CalendarDate } from '../../libs/domain/src';
import { delayOf } from '../../workflows/programmes/src';
import type { TrajectoryFacts } from '../core/trajectory-facts.reducer';

export const DEADLINE_KINDS = ['first-contact', 'diagnostic', 'contract-signature', 'bilan', 'point', 'measure-end', 'relais-confirmation', 'veille-visit'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export const DEADLINE_STATUSES = ['upcoming', 'due-soon', 'overdue'] as const;
export type DeadlineStatus = (typeof DEADLINE_STATUSES)[number];

/** Same constants as the workflow's own deadline rules (workflows/trajectory/src/deadlines.ts). */
export const RELAIS_CONFIRMATION_DAYS = 30;
export const VEILLE_VISIT_MONTHS = 12;
export const DUE_SOON_DAYS = 7;

export interface DueDeadline {
  kind: DeadlineKind;
  dueOn: CalendarDate;
  /** The referent; null while none is assigned. */
  ownerId: string | null;
  /** For 'point': the brique it is due on; '' otherwise (part of the row's key). */
  briqueCode: string;
}

/**
 * Every deadline a trajectory has now (domain §6), from its folded facts. The status is not
 * here: it depends on today's date and is decided when someone asks (architecture §4).
 * A suspension removes the bilan and points while it lasts; after it, their cadence counts again
 * from the resumption. A closed trajectory has none.
 */
export function deadlinesOf(f: TrajectoryFacts): DueDeadline[] {
  const out: DueDeadline[] = [];
  const due = (kind: DeadlineKind, dueOn: CalendarDate, briqueCode = ''): void => {
    out.push({ kind, dueOn, ownerId: f.referentId, briqueCode });
  };
  switch (f.stage) {
    case 'saisine':
      due('first-contact', addDelay(f.openedOn, delayOf(f.terms, 'firstContact')));
      break;
    case 'diagnostic':
      if (f.diagnosticStartedOn) due('diagnostic', addDelay(f.diagnosticStartedOn, delayOf(f.terms, 'diagnostic')));
      break;
    case 'contract':
      if (f.diagnosticConcludedOn) due('contract-signature', addDelay(f.diagnosticConcludedOn, delayOf(f.terms, 'contractSignature')));
      break;
    case 'briques': {
      if (!f.measure) break;
      if (!f.suspendedSince) {
        const since = (d: CalendarDate): CalendarDate => (f.lastResumedOn ? maxDate(d, f.lastResumedOn) : d);
        due('bilan', addMonths(since(f.lastBilanOn ?? f.measure.startsOn), f.contractBilanEveryMonths ?? f.terms.bilanEveryMonths));
        for (const b of f.activeBriques) {
          const months = b.cadence === 'monthly' ? f.terms.pointEveryMonths : b.cadence === 'yearly' ? 12 : undefined;
          if (months !== undefined) due('point', addMonths(since(b.lastPointOn ?? b.startedOn), months), b.code);
        }
      }
      due('measure-end', f.measure.endsOn);
      break;
    }
    case 'relais':
      if (f.handedOffOn) due('relais-confirmation', addDays(f.handedOffOn, RELAIS_CONFIRMATION_DAYS));
      break;
    case 'veille':
      if (f.veille) due('veille-visit', addMonths(f.veille.lastVisitOn ?? f.veille.startedOn, VEILLE_VISIT_MONTHS));
      break;
    default:
      break;
  }
  return out.sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : a.kind < b.kind ? -1 : a.briqueCode < b.briqueCode ? -1 : 1));
}

/** The status of a due date against today's Paris date; the SQL queries compute the same. */
export function deadlineStatus(dueOn: CalendarDate, today: CalendarDate): DeadlineStatus {
  if (dueOn < today) return 'overdue';
  return dueOn <= addDays(today, DUE_SOON_DAYS) ? 'due-soon' : 'upcoming';
}
