import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { EventStore } from '../../../../libs/event-store/src/event-store.port';
import { projectionHealth } from '../../../../projections/core/projection.host';
import type { ProjectionDatabase } from '../../../../projections/core/sql.port';
import { BUILT_IN_PROJECTION_NAMES } from '../../../../projections/projections.catalogue';
import { HealthService } from '../health/health.service';
import { EVENT_STORE } from '../store/store.tokens';
import { PROJECTIONS_DATABASE, PROJECTIONS_OPTIONS, type ProjectionsModuleOptions } from './projections.tokens';

/** Lag above which /health calls a projection degraded: someone should look at the worker. */
export const LAG_DEGRADED = 10_000;

/** /health shows each projection's checkpoint and lag, whether its runner lives here or in the worker. */
@Injectable()
export class ProjectionsHealthContributor implements OnModuleInit {
  constructor(
    private readonly health: HealthService,
    @Inject(PROJECTIONS_DATABASE) private readonly db: ProjectionDatabase,
    @Inject(PROJECTIONS_OPTIONS) private readonly options: ProjectionsModuleOptions,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  onModuleInit(): void {
    this.health.register({
      name: 'projections',
      check: async () => {
        const names = this.options.projections?.map((p) => p.name) ?? BUILT_IN_PROJECTION_NAMES;
        const projections = this.options.host ? await this.options.host.health() : await projectionHealth(this.db, this.store, names);
        const failing = projections.some((p) => p.runner === 'failing' || p.lag > LAG_DEGRADED);
        return { ok: !failing, runsHere: this.options.host !== undefined, projections };
      },
    });
  }
}
