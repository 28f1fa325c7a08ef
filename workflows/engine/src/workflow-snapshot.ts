import type { StateValue } from 'xstate';

/**
 * A workflow instance as folded from its stream: plain, serialisable data. It is what the HTTP
 * layer shows, what a snapshot cache stores, and what decide() starts from (the engine rebuilds
 * XState's own snapshot from `value` + `context` with machine.resolveState, so the cached form and
 * the live form can never drift apart).
 */
export interface WorkflowSnapshot<TContext = unknown> {
  /** Machine id, e.g. 'trajectory'. */
  workflow: string;
  /** The machine version that produced and keeps replaying this stream. */
  workflowVersion: number;
  /** Stream version folded so far: 0 before the first event. */
  version: number;
  /** Business stage (e.g. 'briques'), derived from `value` by the definition. */
  stage: string;
  /** XState state value, e.g. { open: { briques: 'suspended' } }. */
  value: StateValue;
  context: TContext;
  /** 'done' once the machine reached a final state: nothing more is accepted. */
  status: 'active' | 'done';
}
