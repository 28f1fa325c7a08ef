import type { ApiClient } from './api-client';

interface Health {
  components?: unknown;
}

/** Every `lag` /health reports, however the components nest them (`projections.projections[].lag`). */
function lagsIn(node: unknown): number[] {
  if (Array.isArray(node)) return node.flatMap(lagsIn);
  if (node === null || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([key, value]) => (key === 'lag' && typeof value === 'number' ? [value] : lagsIn(value)));
}

/**
 * The caseload and the deadlines are read models, filled from the log a moment after a command is
 * recorded. After a change made from a list, the list is read again once they caught up (every
 * component's `lag` at 0 on /health), or after `withinMs` at the latest: never an endless wait.
 */
export async function readModelsCaughtUp(api: ApiClient, withinMs = 3000): Promise<void> {
  const deadline = Date.now() + withinMs;
  for (let pause = 50; Date.now() < deadline; pause = Math.min(pause * 2, 400)) {
    const health = await api.get<Health>('/health').then(
      (a) => a.body,
      () => undefined,
    );
    if (health && lagsIn(health.components).every((lag) => lag === 0)) return;
    await new Promise((resolve) => setTimeout(resolve, pause));
  }
}
