import { type DynamicModule, Module } from '@nestjs/common';
import { EncryptingEventStore, type KeyStore } from '../../../../libs/crypto/src';
import type { Clock } from '../../../../libs/domain/src';
import type { EventStore } from '../../../../libs/event-store/src/event-store.port';
import { HouseholdEraser } from '../../../../libs/privacy/src';
import { CLOCK, EVENT_STORE } from '../store/store.tokens';
import type { Catalogue } from '../trajectories/catalogue';
import { uuidGenerator } from '../trajectories/trajectories.module';
import { CATALOGUE } from '../trajectories/trajectory.tokens';
import { HouseholdExportService } from './household-export.service';
import { HouseholdsController } from './households.controller';
import { HOUSEHOLD_ERASER, KEY_STORE } from './privacy.tokens';

/**
 * Erasure and access by the household (docs/privacy.md). The keys are the ones behind the app's
 * EncryptingEventStore. No purger is registered: the API keeps no snapshot cache, and no read
 * model holds personal data (the erasure e2e scans every table to prove it).
 */
@Module({})
export class PrivacyModule {
  static register(catalogue: Catalogue): DynamicModule {
    return {
      module: PrivacyModule,
      controllers: [HouseholdsController],
      providers: [
        { provide: CATALOGUE, useValue: catalogue },
        { provide: KEY_STORE, inject: [EVENT_STORE], useFactory: keyStoreOf },
        {
          provide: HOUSEHOLD_ERASER,
          inject: [KEY_STORE, EVENT_STORE, CLOCK],
          useFactory: (keys: KeyStore, store: EventStore, clock: Clock) => new HouseholdEraser({ keys, store, clock, ids: uuidGenerator }),
        },
        HouseholdExportService,
      ],
    };
  }
}

function keyStoreOf(store: EventStore): KeyStore {
  // createApp always puts encryption in front of the store; anything else is a wiring mistake.
  if (!(store instanceof EncryptingEventStore)) throw new Error('PrivacyModule needs the EncryptingEventStore that createApp provides');
  return store.keyStore;
}
