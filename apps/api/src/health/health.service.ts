import { Inject, Injectable } from '@nestjs/common';
import type { EventStore, StoreInfo } from '../../../../libs/event-store/src/event-store.port';
import { EVENT_STORE } from '../store/store.tokens';

/**
 * A part of the system that reports on /health (a projection's checkpoint and lag, a feed relay).
 * Modules register theirs at init: `health.register({ name: 'caseload', check: () => ... })`.
 */
export interface HealthContributor {
  name: string;
  /** Resolve with what to show; throw (or return ok: false) to mark the API degraded. */
  check(store: StoreInfo): Promise<Record<string, unknown> & { ok?: boolean }>;
}

export interface HealthReport {
  status: 'ok' | 'degraded' | 'unavailable';
  store: (StoreInfo & { ok: true }) | { ok: false; error: string };
  components: Record<string, Record<string, unknown>>;
}

@Injectable()
export class HealthService {
  private readonly contributors = new Map<string, HealthContributor>();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  register(contributor: HealthContributor): void {
    this.contributors.set(contributor.name, contributor);
  }

  async report(): Promise<HealthReport> {
    let info: StoreInfo;
    try {
      info = await this.store.info();
    } catch (error) {
      return { status: 'unavailable', store: { ok: false, error: messageOf(error) }, components: {} };
    }
    const components: HealthReport['components'] = {};
    let degraded = false;
    for (const contributor of this.contributors.values()) {
      try {
        const result = await contributor.check(info);
        components[contributor.name] = { ok: true, ...result };
        if (result.ok === false) degraded = true;
      } catch (error) {
        components[contributor.name] = { ok: false, error: messageOf(error) };
        degraded = true;
      }
    }
    return { status: degraded ? 'degraded' : 'ok', store: { ok: true, ...info }, components };
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
