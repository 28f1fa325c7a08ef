import 'reflect-metadata';
import { lockDataDir } from '../../../libs/event-store/src';
import { createLogger, type Logger, readLogSettings } from '../../../libs/logging/src';
import { createApp } from './app.factory';
import { resolveAuth } from './auth/auth-config';
import { webSignInFrom } from './http/web-sign-in';
import { readApiConfig } from './config/api-config';
import { readHardeningConfig } from './config/hardening-config';
import { readFeedConfig } from '../../../projections/feeds/feed-projection.factory';
import { loadFeedSecret } from '../../../projections/feeds/feed-secret';
import { describeStartupFailure } from './startup/describe-startup-failure';

let logger: Logger | undefined;

async function main(): Promise<void> {
  logger = createLogger({ service: 'api', ...readLogSettings(process.env) });
  const config = readApiConfig();
  const hardening = readHardeningConfig();
  // Before anything reads or writes DATA_DIR (the token secret, the master key, the store): one
  // process per embedded directory, and the CLI finds this API through the lock.
  const dirLock = config.databaseUrl ? undefined : lockDataDir(config.dataDir, { app: 'api', onTakeOver: (line) => logger?.warn(line) });
  const auth = resolveAuth(config);
  const { app, storeDescription } = await createApp({
    auth: { ...auth.options, maxTokenAgeSeconds: hardening.maxTokenAgeSeconds },
    databaseUrl: config.databaseUrl,
    dataDir: config.databaseUrl ? undefined : config.dataDir,
    eventstoreUrl: config.eventstoreUrl,
    programmesDir: config.programmesDir,
    earliestOccurredAt: config.earliestOccurredAt,
    feeds: { secret: loadFeedSecret(readFeedConfig()) },
    masterKeys: { masterKey: config.masterKey, masterKeyPrevious: config.masterKeyPrevious, required: true },
    logger,
    http: hardening.http,
    webSignIn: webSignInFrom(config),
  });
  app.enableShutdownHooks(['SIGINT', 'SIGTERM']);
  // Nest ends the process by re-raising the signal, so no 'exit' handler runs: let go on close.
  app.getHttpAdapter().getInstance().addHook('onClose', async () => dirLock?.release());
  await app.listen({ port: config.port, host: config.host });
  dirLock?.advertise(await app.getUrl());
  const shownHost = config.host === '0.0.0.0' || config.host === '127.0.0.1' ? 'localhost' : config.host;
  const { corsOrigins, rateLimit } = hardening.http;
  logger.info(
    { port: config.port, host: config.host, store: storeDescription, tokens: auth.description, corsOrigins, rateLimit },
    `API listening on http://${shownHost}:${config.port} (docs at /docs)`,
  );
}

main().catch((error: unknown) => {
  const line = describeStartupFailure(error);
  // DEBUG_STARTUP=1 adds the stack; without a logger (LOG_LEVEL itself is wrong) the line goes to stderr.
  const err = process.env.DEBUG_STARTUP && error instanceof Error ? error : undefined;
  if (logger) logger.fatal(err ? { err } : {}, line);
  else process.stderr.write(`${line}\n`);
  process.exit(1);
});
