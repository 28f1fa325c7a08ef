import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { PROJECTIONS_OPTIONS, type ProjectionsModuleOptions } from './projections.tokens';

/**
 * Starts the in-process runners once the app is up and stops them before Fastify closes the store
 * (Nest calls onModuleDestroy before disposing of the HTTP adapter, whose onClose hook closes it).
 */
@Injectable()
export class ProjectionHostLifecycle implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Projections');

  constructor(@Inject(PROJECTIONS_OPTIONS) private readonly options: ProjectionsModuleOptions) {}

  onApplicationBootstrap(): void {
    if (!this.options.host || !this.options.startHost) return;
    this.options.host.start();
    this.logger.log(`running ${this.options.host.runners.map((r) => r.name).join(', ')} in this process`);
  }

  async onModuleDestroy(): Promise<void> {
    if (this.options.host && this.options.startHost) await this.options.host.stop();
  }
}
