import { orientationForEndReason, type TrajectoryRuleBook } from './trajectory-rule';

/** Relais and veille. */
export const afterMeasureRules: TrajectoryRuleBook = {
  // A relais never closes by itself: only the partner's confirmation closes it (domain.md §8).
  relaisConfirmedFirst: [
    {
      code: 'relais-pending',
      reason: (c) => `The relais to ${c.relais?.partner.partnerName ?? c.relais?.partner.kind} stays open until the partner confirms it took the household on (confirm-relais).`,
      holds: () => false,
      contextOnly: true,
    },
  ],
  canEndVeille: [orientationForEndReason],
};
