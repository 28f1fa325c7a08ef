import { type DynamicModule, type LogLevel as NestLogLevel, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { TokenVerifierOptions } from '../../../libs/auth/src';
import { type CalendarDate, type Clock, systemClock } from '../../../libs/domain/src';
import { createLogger, type Logger } from '../../../libs/logging/src';
import type { EventStore } from '../../../libs/event-store/src/event-store.port';
import type { SqlExecutor } from '../../../projections/core/sql.port';
import type { ConflictBackoff } from '../../../workflows/engine/src';
import { AppModule } from './app.module';
import type { AccessLog } from './audit/access-log.repository';
import { InMemoryAccessLog } from './audit/in-memory-access-log';
import { SqlAccessLog } from './audit/sql-access-log.repository';
import type { RoutePolicy } from './auth/access-policy';
import { installAccessHooks } from './auth/access-response.hooks';
import { ACCESS_LOG } from './auth/auth.tokens';
import { JwtPrincipalResolver } from './auth/jwt-principal.resolver';
import { type HttpHardening, installHttpHardening } from './http/http-hardening';
import { ProblemFastifyAdapter } from './http/problem-fastify.adapter';
import { HttpLoggingModule } from './logging/http-logging.module';
import { NestLogger } from './logging/nest-logger';
import { installRequestLogContext } from './logging/request-log-context';
import { setupOpenApi } from './openapi/openapi.setup';
import { defaultWebDir, serveWebApp } from './http/web-app';
import { issuerOrigin, serveWebConfig, type WebSignIn } from './http/web-sign-in';
import { ProjectionsModule } from './projections/projections.module';
import { SqlConventionDirectory } from './projections/sql-convention-directory';
import { FeedsModule } from './feeds/feeds.module';
import { builtInProjections } from '../../../projections/projections.catalogue';
import { feedProjection } from '../../../projections/feeds/feed.projection';
import { TrajectoryPseudonymiser } from '../../../projections/feeds/trajectory-pseudonymiser';
import { PRINCIPAL_RESOLVER, type PrincipalResolver } from './principal/principal';
import { StartupError } from './startup/startup-error';
import { sealedStoreOf, withEncryption } from './store/household-keys';
import { type OpenedStore, openStore, type StoreSelection } from './store/open-store';
import type { Catalogue } from './trajectories/catalogue';
import { loadCatalogue } from './trajectories/load-catalogue';

export interface CreateAppOptions extends StoreSelection {
  /** An already opened store, left open on close (tests, benchmarks); encryption is put in front of it unless it is an EncryptingEventStore. */
  store?: EventStore;
  clock?: Clock;
  /** A directory of programme JSON files loaded beside the shipped catalogue. */
  programmesDir?: string;
  /** Programmes and briques to use instead of loading them (tests). */
  catalogue?: Catalogue;
  /** How bearer tokens are verified: an HS256 secret or a JWKS URL, optional issuer and audience. */
  auth?: TokenVerifierOptions;
  /** Replaces token verification altogether (a benchmark measuring something else). */
  principalResolver?: Type<PrincipalResolver> | PrincipalResolver;
  /** Where reads of personal data are logged; default: a table in the store's SQL database, else memory. */
  accessLog?: AccessLog;
  /** Access policies for routes of `modules` that the table in auth/access-policy.ts does not know. */
  routePolicies?: readonly RoutePolicy[];
  modules?: (Type<unknown> | DynamicModule)[];
  /**
   * Where the API logs (libs/logging's createLogger; main.ts makes it from LOG_LEVEL and LOG_FORMAT).
   * Nest's level lists and false (silent) are still accepted: JSON on stdout at that level.
   */
  logger?: Logger | NestLogLevel[] | false;
  /** CORS origins and the rate limit (helmet, the CSP and no-store always apply). */
  http?: HttpHardening;
  /**
   * Funder feeds: with the feed secret, GET /feeds/{funder} is served from the store's SQL database and
   * the feed projection runs beside the others wherever they run here (main.ts loads the secret).
   */
  feeds?: { secret: Buffer };
  /** Business dates before this are refused (OCCURRED_AT_MIN; default 1990-01-01). */
  earliestOccurredAt?: CalendarDate;
  /** The wait between the server's retries of a write that lost a race (default: jittered with Math.random; tests may fix it). */
  conflictBackoff?: ConflictBackoff;
  /**
   * Where the trajectory commands find the conventions when the read models come through `modules`
   * with an injected store (tests); createApp uses the store's own database otherwise.
   */
  conventionsDb?: SqlExecutor;
  /** Serve /docs and /docs/json (default true). */
  docs?: boolean;
  /** The built web app served at `/` (default: dist/web of this checkout); false serves none. */
  webDir?: string | false;
  /** The web app's OpenID Connect sign-in (AUTH_ISSUER + AUTH_JWKS_URL + AUTH_CLIENT_ID); absent: sign-in links. */
  webSignIn?: WebSignIn;
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
  const resolver = options.principalResolver ?? (options.auth ? new JwtPrincipalResolver(options.auth) : undefined);
  if (!resolver) throw new StartupError('No token verification is configured: set AUTH_SECRET or AUTH_JWKS_URL (see docs/security.md).');
  const opened: OpenedStore = options.store
    ? { store: withEncryption(options.store), description: 'injected', close: async () => undefined }
    : await openStore(options, clock);
  try {
    const accessLog = options.accessLog ?? (opened.database ? await SqlAccessLog.open(opened.database) : new InMemoryAccessLog());
    const logger = loggerOf(options.logger);
    const app = await NestFactory.create<NestFastifyApplication>(
      AppModule.register({
        store: opened.store,
        clock,
        catalogue,
        conventions: conventionDirectoryOf(options.conventionsDb ?? opened.database, catalogue, clock),
        auth: { resolver, accessLog, extraPolicies: options.routePolicies },
        commands: { earliestOccurredAt: options.earliestOccurredAt, backoff: options.conflictBackoff },
        // Caseload, deadlines, conventions and /health's projections on the store's own database (runs them here on PGlite).
        modules: [HttpLoggingModule.forRoot(logger), ...(options.modules ?? []), ...readModelModules(opened, options, catalogue)],
      }),
      new ProblemFastifyAdapter({ logger }),
      // Without abortOnError:false Nest calls process.exit on a provider failure; we want to report it.
      // Nest's own messages wait for the pino logger (bufferLogs) rather than going to its console.
      { abortOnError: false, bodyParser: false, bufferLogs: true },
    );
    app.useLogger(app.get(NestLogger));
    // Nest flushes its buffer on listen() only: an app spoken to in-process would keep it for ever.
    app.flushLogs();
    const fastify = app.getHttpAdapter().getInstance();
    // Fastify closes after in-flight requests are answered; only then may the store go.
    fastify.addHook('onClose', async () => opened.close());
    const http = options.http ?? {};
    const connectOrigins = [...(http.connectOrigins ?? []), ...issuerOrigin(options.webSignIn)];
    await installHttpHardening(fastify, { ...http, connectOrigins }, app.get<PrincipalResolver>(PRINCIPAL_RESOLVER));
    installRequestLogContext(fastify);
    installAccessHooks(fastify, { accessLog: app.get<AccessLog>(ACCESS_LOG), clock });
    if (options.docs !== false) setupOpenApi(app);
    if (options.webDir !== false) {
      serveWebApp(fastify, options.webDir ?? defaultWebDir());
      serveWebConfig(fastify, options.webSignIn);
    }
    await app.init();
    return { app, storeDescription: opened.description };
  } catch (error) {
    await opened.close().catch(() => undefined);
    throw error;
  }
}

function conventionDirectoryOf(db: SqlExecutor | undefined, catalogue: Catalogue, clock: Clock): SqlConventionDirectory | undefined {
  return db ? new SqlConventionDirectory(db, catalogue.programmes, clock) : undefined;
}

/** Nest's level lists name the least severe level kept last or first: the most verbose one decides. */
const PINO_LEVEL_OF: Record<NestLogLevel, 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace'> = {
  fatal: 'fatal',
  error: 'error',
  warn: 'warn',
  log: 'info',
  debug: 'debug',
  verbose: 'trace',
};
const VERBOSITY = ['fatal', 'error', 'warn', 'info', 'debug', 'trace'] as const;

function loggerOf(option: CreateAppOptions['logger']): Logger {
  if (option && !Array.isArray(option)) return option;
  if (!option || option.length === 0) return createLogger({ service: 'api', level: 'silent' });
  const level = VERBOSITY[Math.max(...option.map((l) => VERBOSITY.indexOf(PINO_LEVEL_OF[l])))];
  return createLogger({ service: 'api', level });
}

/** Caseload, deadlines, conventions, /health's projections and, when configured, the funder feeds: all on the store's own database. */
function readModelModules(opened: OpenedStore, options: CreateAppOptions, catalogue: Catalogue): DynamicModule[] {
  if (!opened.database) return [];
  const feeds = options.feeds;
  const projections = feeds
    ? [...builtInProjections(), feedProjection({ pseudonymiser: new TrajectoryPseudonymiser(feeds.secret) })]
    : undefined;
  return [
    ProjectionsModule.forStore({ store: sealedStoreOf(opened.store), db: opened.database, databaseUrl: options.databaseUrl, projections, programmes: catalogue.programmes }),
    ...(feeds ? [FeedsModule.register({ db: opened.database })] : []),
  ];
}
