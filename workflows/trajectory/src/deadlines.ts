import { addDays, addDelay, addMonths, daysBetween, maxDate, type CalendarDate } from '../../../libs/domain/src';
import { delayOf, type Programme } from '../../programmes/src';
import type { TrajectorySnapshot } from './trajectory.workflow';

export const DEADLINE_KINDS = [
  'first-contact',
  'diagnostic',
  'contract-signature',
  'bilan',
  'point',
  'measure-end',
  'relais-confirmation',
  'veille-visit',
] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export interface Deadline {
  kind: DeadlineKind;
  dueOn: CalendarDate;
  /** The referent who owns it (undefined while none is assigned). */
  ownerId?: string;
  /** For 'point': the brique it is due on. */
  briqueCode?: string;
}

export type DeadlineStatus = 'upcoming' | 'due-soon' | 'overdue';

/** No programme setting exists for it: a partner is expected to confirm a relais within a month. */
export const RELAIS_CONFIRMATION_DAYS = 30;
export const VEILLE_VISIT_MONTHS = 12;
export const DUE_SOON_DAYS = 7;

/** Decided at query time against today's date: deadlines are data, not timers. */
export function deadlineStatus(dueOn: CalendarDate, today: CalendarDate): DeadlineStatus {
  const days = daysBetween(today, dueOn);
  if (days < 0) return 'overdue';
  return days <= DUE_SOON_DAYS ? 'due-soon' : 'upcoming';
}

/**
 * The trajectory's upcoming deadlines (domain.md §6), pure. While the measure is suspended no point
 * or bilan is due; after a resumption their cadence counts from the resumption.
 */
export function nextDeadlines(snapshot: TrajectorySnapshot, programme: Programme): Deadline[] {
  const c = snapshot.context;
  const ownerId = c.referentId;
  const due = (kind: DeadlineKind, dueOn: CalendarDate, briqueCode?: string): Deadline => ({
    kind,
    dueOn,
    ...(ownerId !== undefined ? { ownerId } : {}),
    ...(briqueCode !== undefined ? { briqueCode } : {}),
  });
  const out: Deadline[] = [];
  switch (snapshot.stage) {
    case 'saisine':
      if (c.openedOn) out.push(due('first-contact', addDelay(c.openedOn, delayOf(programme, 'firstContact'))));
      break;
    case 'diagnostic':
      if (c.diagnostic.startedOn) out.push(due('diagnostic', addDelay(c.diagnostic.startedOn, delayOf(programme, 'diagnostic'))));
      break;
    case 'contract':
      if (c.diagnostic.concluded) out.push(due('contract-signature', addDelay(c.diagnostic.concluded.on, delayOf(programme, 'contractSignature'))));
      break;
    case 'briques': {
      if (!c.measure) break;
      if (!c.suspendedSince) {
        const resumedOn = c.suspensions.length ? c.suspensions[c.suspensions.length - 1].to : undefined;
        const since = (d: CalendarDate): CalendarDate => (resumedOn ? maxDate(d, resumedOn) : d);
        const bilanEvery = c.contract?.bilanEveryMonths ?? programme.bilanEveryMonths;
        out.push(due('bilan', addMonths(since(c.lastBilanOn ?? c.measure.startsOn), bilanEvery)));
        for (const brique of c.activeBriques) {
          const months = brique.cadence === 'monthly' ? programme.pointEveryMonths : brique.cadence === 'yearly' ? 12 : undefined;
          if (months !== undefined) out.push(due('point', addMonths(since(brique.lastPointOn ?? brique.startedOn), months), brique.code));
        }
      }
      out.push(due('measure-end', c.measure.endsOn));
      break;
    }
    case 'relais':
      if (c.relais && !c.relais.confirmedOn) out.push(due('relais-confirmation', addDays(c.relais.handedOffOn, RELAIS_CONFIRMATION_DAYS)));
      break;
    case 'veille':
      if (c.veille) out.push(due('veille-visit', addMonths(c.veille.lastVisitOn ?? c.veille.startedOn, VEILLE_VISIT_MONTHS)));
      break;
  }
  return out.sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0));
}
