import { orientationForEndReason, type TrajectoryRules } from './trajectory-rule';

/** Relais and veille. */
export const afterMeasureRules = {
  // A relais never closes by itself: only the partner's confirmation closes it (domain.md §8).
  relaisConfirmedFirst: [
    {
      code: 'relais-pending',
      reason: (c) => `The relais to ${c.relais?.partner.partnerName ?? c.relais?.partner.kind} stays open until the partner confirms it took the household on (confirm-relais).`,
      requirement: 'A relais closes only when the partner confirms it took the household on (confirm-relais).',
      holds: () => false,
      reads: 'context',
      alwaysRefuses: true,
    },
  ],
  canEndVeille: [orientationForEndReason],
} satisfies TrajectoryRules;
