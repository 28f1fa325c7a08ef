import { type DynamicModule, Module } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { EncryptingEventStore, type KeyStore } from '../../../../libs/crypto/src';
import type { Clock } from '../../../../libs/domain/src';
import type { EventStore } from '../../../../libs/event-store/src/event-store.port';
import { HouseholdEraser, snapshotCachePurger, type PersonalDataPurger } from '../../../../libs/privacy/src';
import type { SnapshotCache } from '../../../../workflows/engine/src';
import { CLOCK, EVENT_STORE } from '../store/store.tokens';
import type { Catalogue } from '../trajectories/catalogue';
import { uuidGenerator } from '../trajectories/trajectories.module';
import { CATALOGUE, SNAPSHOT_CACHE } from '../trajectories/trajectory.tokens';
import { HouseholdExportService } from './household-export.service';
import { HouseholdsController } from './households.controller';
import { HOUSEHOLD_ERASER, KEY_STORE } from './privacy.tokens';

/**
 * Erasure and access by the household (docs/privacy.md). The keys are the ones behind the app's
 * EncryptingEventStore. The runner's snapshot cache is purged of the household's trajectories; no
 * read model holds personal data (the erasure e2e scans every table to prove it).
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
          inject: [KEY_STORE, EVENT_STORE, CLOCK, ModuleRef],
          useFactory: (keys: KeyStore, store: EventStore, clock: Clock, modules: ModuleRef) =>
            new HouseholdEraser({ keys, store, clock, ids: uuidGenerator, purgers: [runnerSnapshotPurger(modules)] }),
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

/** Looked up when an erasure runs, not at start-up: the trajectories module owns the cache and may have none. */
function runnerSnapshotPurger(modules: ModuleRef): PersonalDataPurger {
  return {
    name: 'snapshot-cache',
    async purge(target) {
      let cache: SnapshotCache | undefined;
      try {
        cache = modules.get<SnapshotCache>(SNAPSHOT_CACHE, { strict: false });
      } catch {
        return;
      }
      if (cache) await snapshotCachePurger(cache).purge(target);
    },
  };
}
