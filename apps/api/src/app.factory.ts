import { type DynamicModule, type LoggerService, type LogLevel, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { type Clock, systemClock } from '../../../libs/domain/src';
import type { EventStore } from '../../../libs/event-store/src/event-store.port';
import { AppModule } from './app.module';
import { ProblemFastifyAdapter } from './http/problem-fastify.adapter';
import { setupOpenApi } from './openapi/openapi.setup';
import type { PrincipalResolver } from './principal/principal';
import { openStore, type StoreSelection } from './store/open-store';
import type { Catalogue } from './trajectories/catalogue';
import { loadCatalogue } from './trajectories/load-catalogue';

export interface CreateAppOptions extends StoreSelection {
  /** An already opened store: used as is and left open on close (tests, benchmarks). */
  store?: EventStore;
  clock?: Clock;
  /** A directory of programme JSON files loaded beside the shipped catalogue. */
  programmesDir?: string;
  /** Programmes and briques to use instead of loading them (tests). */
  catalogue?: Catalogue;
  principalResolver?: Type<PrincipalResolver> | PrincipalResolver;
  modules?: (Type<unknown> | DynamicModule)[];
  logger?: LoggerService | LogLevel[] | false;
  /** Serve /docs and /docs/json (default true). */
  docs?: boolean;
}

export interface CreatedApp {
  app: NestFastifyApplication;
  /** What the store is, for the start-up line: "pglite ./data", "postgres 127.0.0.1:5432/test". */
  storeDescription: string;
}

/**
 * Builds the API without listening: main.ts listens on a port, tests call
 * `app.getHttpAdapter().getInstance().ready()` and speak to it in-process. The store is opened
 * before Nest starts so a bad DATABASE_URL fails as one clear StartupError, not a Nest stack trace.
 */
export async function createApp(options: CreateAppOptions = {}): Promise<CreatedApp> {
  const clock = options.clock ?? systemClock;
  // The catalogue first: an invalid programme file must stop start-up before any database work.
  const catalogue = options.catalogue ?? (await loadCatalogue(options.programmesDir));
  const opened = options.store
    ? { store: options.store, description: 'injected', close: async () => undefined }
    : await openStore(options, clock);
  try {
    const app = await NestFactory.create<NestFastifyApplication>(
      AppModule.register({
        store: opened.store,
        clock,
        catalogue,
        principalResolver: options.principalResolver,
        modules: options.modules,
      }),
      new ProblemFastifyAdapter(),
      // Without abortOnError:false Nest calls process.exit on a provider failure; we want to report it.
      { abortOnError: false, bodyParser: false, logger: options.logger ?? ['error', 'warn'] },
    );
    // Fastify closes after in-flight requests are answered; only then may the store go.
    app.getHttpAdapter().getInstance().addHook('onClose', async () => opened.close());
    if (options.docs !== false) setupOpenApi(app);
    await app.init();
    return { app, storeDescription: opened.description };
  } catch (error) {
    await opened.close().catch(() => undefined);
    throw error;
  }
}
