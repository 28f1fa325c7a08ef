import type { Stage } from '../vocabulary/trajectory-terms';

/** The stages a trajectory shows once opened, in order (domain §2). */
export const TRAJECTORY_STAGES = ['saisine', 'diagnostic', 'contract', 'briques', 'evaluation', 'relais', 'veille', 'closed'] as const;
export type TrajectoryStage = (typeof TRAJECTORY_STAGES)[number] & Stage;

/** Where each accepted event takes a trajectory; events not listed leave it where it is. */
const STAGE_AFTER: Readonly<Record<string, TrajectoryStage | ((data: { outcome?: string }) => TrajectoryStage)>> = {
  SaisineReceived: 'saisine',
  FirstContactRecorded: 'diagnostic',
  DiagnosticConcluded: (d) => (d.outcome === 'autonomous' ? 'closed' : d.outcome === 'orient-existing' ? 'relais' : 'contract'),
  MeasureStarted: 'briques',
  MeasureRenewed: 'briques',
  EvaluationStarted: 'evaluation',
  HandedOff: 'relais',
  VeilleStarted: 'veille',
  TrajectoryReopened: 'diagnostic',
  SaisineReoriented: 'closed',
  SaisineDeclined: 'closed',
  ContractDeclined: 'closed',
  RelaisConfirmed: 'closed',
  VeilleEnded: 'closed',
  TrajectoryClosed: 'closed',
  TrajectoryWithdrawn: 'closed',
};

/**
 * The stage after an accepted event: the one definition read models use (they fold stored events
 * without running the machine). The machine's own stage (trajectory.machine.ts) is proved equal to
 * it after every command of random journeys (obligations.property.spec.ts).
 */
export function stageAfterEvent(current: TrajectoryStage | undefined, eventType: string, data: unknown): TrajectoryStage | undefined {
  const next = STAGE_AFTER[eventType];
  if (next === undefined) return current;
  return typeof next === 'function' ? next((data ?? {}) as { outcome?: string }) : next;
}
