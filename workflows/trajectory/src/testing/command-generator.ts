import type { TrajectoryCommandType } from '../commands/trajectory-commands';
import type { TrajectoryContext } from '../trajectory-context';
import { GRID_AXES } from '../vocabulary/evaluation-grid';
import { ORIENTATION_KINDS } from '../vocabulary/orientation';
import { BRIQUE_RESULTS, CONTACT_MODES, DIAGNOSTIC_OUTCOMES, DIAGNOSTIC_STEPS, END_REASONS, POINT_MODES, SUSPENSION_REASONS } from '../vocabulary/trajectory-terms';

/** A source of small choices (fast-check feeds it), so a generated journey can be shrunk. */
export type Pick = (n: number) => number;

const one = <T>(pick: Pick, xs: readonly T[]): T => xs[pick(xs.length)];

/**
 * Commands that move the trajectory on are drawn more often than chatter and early exits, so
 * journeys reach the measure, its evaluation, relais and veille, not only the saisine.
 */
const WEIGHTS: Partial<Record<TrajectoryCommandType, number>> = {
  withdraw: 1,
  decline: 1,
  reorient: 1,
  'record-note': 2,
  'choose-scale': 2,
  'change-referent': 2,
  'record-diagnostic-step': 3,
  'draft-contract': 3,
  suspend: 3,
  'end-veille': 3,
  reopen: 3,
  'record-first-contact': 30,
  'conclude-diagnostic': 25,
  'sign-contract': 30,
  'record-final-evaluation': 25,
  'confirm-relais': 15,
  resume: 15,
  'record-point': 12,
  'start-brique': 10,
};

function weightOf(command: string, c: TrajectoryContext): number {
  if (command === 'assign-referent') return c.referentId ? 2 : 30;
  if (command === 'record-evaluation-grid') return c.diagnostic.grid ? 1 : 20;
  if (command === 'draft-contract' && !c.contract) return 30;
  if (command === 'start-evaluation') return c.activeBriques.length + c.completedBriques.length > 0 ? 12 : 2;
  return WEIGHTS[command as TrajectoryCommandType] ?? 8;
}

export function pickCommand(pick: Pick, allowed: readonly string[], context: TrajectoryContext): string {
  const pool = allowed.flatMap((c) => Array<string>(weightOf(c, context)).fill(c));
  return one(pick, pool);
}

const orientation = (pick: Pick) => ({ kind: one(pick, ORIENTATION_KINDS) });

/** A payload that is valid for the command in this context (state rules may still refuse it). */
export function payloadFor(command: string, c: TrajectoryContext, pick: Pick): unknown {
  const allowedBriques = c.programme?.allowedBriques ?? [];
  switch (command as TrajectoryCommandType) {
    case 'assign-referent':
    case 'change-referent': {
      const referentId = one(pick, ['referent-1', 'referent-2', 'referent-3'].filter((r) => r !== c.referentId));
      // Only a change of referent has a hand-over note: assign-referent refuses members it does not define.
      return command === 'change-referent' ? { referentId, personal: { handOverNote: 'note' } } : { referentId };
    }
    case 'record-first-contact':
      return { mode: one(pick, CONTACT_MODES), personal: { summary: 'Premier contact' } };
    case 'reorient':
    case 'withdraw':
      return { orientation: orientation(pick) };
    case 'decline':
      return pick(3) === 0 ? {} : { orientation: orientation(pick) };
    case 'record-diagnostic-step':
      return { step: one(pick, DIAGNOSTIC_STEPS), status: pick(2) ? 'done' : 'skipped-already-done' };
    case 'record-evaluation-grid':
      return { ratings: GRID_AXES.map((axis) => ({ axis, rating: one(pick, ['acquired', 'in-progress', 'needs-support'] as const) })), personal: { comments: [] } };
    case 'conclude-diagnostic': {
      const outcome = pick(4) === 0 ? one(pick, DIAGNOSTIC_OUTCOMES) : 'propose-accompaniment';
      return { outcome, householdSigned: pick(8) !== 0, ...(outcome === 'orient-existing' ? { relaisPartner: orientation(pick) } : {}) };
    }
    case 'draft-contract':
      return {
        measureType: one(pick, ['ASLL', 'AVDL', 'GLA']),
        briques: [...new Set(allowedBriques.filter(() => pick(2) === 0).concat(allowedBriques.slice(0, 1)))],
        durationMonths: 1 + pick(12),
        meetingFrequency: 'monthly',
        occupancyStatus: 'direct-lease',
        ...(pick(3) === 0 ? { landlord: { name: 'Habitat 69' } } : {}),
        objectives: [{ id: 'o1' }, { id: 'o2' }].slice(0, pick(3)),
        personal: { objectives: [{ id: 'o1', text: 'Objectif' }] },
      };
    case 'sign-contract': {
      const missing = (c.contract?.requiredParties ?? ['household']).filter((p) => !c.contract?.signatures[p]);
      return { party: one(pick, missing.length ? missing : ['household']) };
    }
    case 'start-brique':
      return { code: one(pick, allowedBriques) };
    case 'record-point':
      return { briqueCode: c.activeBriques.length ? one(pick, c.activeBriques).code : '2.1', mode: one(pick, POINT_MODES), personal: { summary: 'Point' } };
    case 'complete-brique':
      return { briqueCode: c.activeBriques.length ? one(pick, c.activeBriques).code : '2.1', result: one(pick, BRIQUE_RESULTS) };
    case 'suspend':
      return { reason: one(pick, SUSPENSION_REASONS) };
    case 'record-final-evaluation':
      return {
        ratings: GRID_AXES.map((axis) => ({ axis, rating: 'acquired' })),
        objectives: (c.contract?.objectives ?? []).map((o) => ({ id: o.id, met: pick(2) === 0 })),
        endReason: one(pick, END_REASONS),
        householdSigned: true,
      };
    case 'hand-off':
      return { partner: orientation(pick) };
    case 'record-veille-visit':
      return { mode: one(pick, ['home-visit', 'office', 'phone'] as const) };
    case 'end-veille':
    case 'close':
      return pick(2) === 0 ? { endReason: one(pick, END_REASONS), orientation: orientation(pick) } : {};
    case 'record-note':
      return { category: 'note', personal: { text: 'Note' } };
    case 'submit-for-validation':
      return {
        measureType: 'ASLL',
        briques: [...new Set(allowedBriques.filter(() => pick(2) === 0).concat(allowedBriques.slice(0, 1)))],
        durationMonths: 1 + pick(12),
        summary: { axesNeedingSupport: GRID_AXES.filter(() => pick(2) === 0), occupancyStatus: 'direct-lease', urgency: pick(2) ? 'standard' : 'urgent' },
      };
    case 'validate-measure':
      return pick(2) === 0 ? {} : { reason: 'criteria-met', writtenDecision: { reference: 'CR-1', decidedOn: c.validation?.submittedOn ?? '2026-01-02' } };
    case 'reject-measure':
      return { reason: one(pick, ['criteria-not-met', 'another-measure-fits'] as const), orientation: orientation(pick) };
    case 'share-with-partner': {
      const documents = [
        ...(c.diagnostic.concluded ? ['diagnostic-recommendations' as const] : []),
        ...(c.bilansCount > 0 || c.lastBilanOn ? ['bilan' as const] : []),
        ...(c.evaluation?.final ? ['end-of-measure-summary' as const] : []),
      ];
      return {
        document: documents.length ? one(pick, documents) : 'bilan',
        recipient: { kind: 'landlord', id: 'lmh', name: 'Lyon Métropole Habitat' },
        householdAgreedOn: c.openedOn ?? '2026-01-02',
        freeTextAgreed: pick(2) === 0,
        content: { progress: 'on-track' },
      };
    }
    case 'record-milestone': {
      const open = (c.programme?.milestones ?? []).filter((m) => !c.milestones?.[m.code]).map((m) => m.code);
      return { code: open.length ? one(pick, open) : 'none' };
    }
    case 'choose-scale':
      return { scale: one(pick, ['standard', 'renforce']) };
    default:
      return {};
  }
}
