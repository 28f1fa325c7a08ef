import { type DynamicModule, Global, Module } from '@nestjs/common';
import type { Clock } from '../../../../libs/domain/src';
import type { EventStore } from '../../../../libs/event-store/src/event-store.port';
import { CLOCK, EVENT_STORE } from './store.tokens';

/**
 * Hands the store and clock opened by createApp to every module. The store's life is not Nest's:
 * createApp opened it and closes it when Fastify closes (after in-flight requests have finished).
 */
@Global()
@Module({})
export class StoreModule {
  static register(store: EventStore, clock: Clock): DynamicModule {
    return {
      module: StoreModule,
      providers: [
        { provide: EVENT_STORE, useValue: store },
        { provide: CLOCK, useValue: clock },
      ],
      exports: [EVENT_STORE, CLOCK],
    };
  }
}
