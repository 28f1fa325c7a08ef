import 'reflect-metadata';
import type { LogLevel } from '@nestjs/common';
import { lockDataDir } from '../../../libs/event-store/src';
import { createApp } from './app.factory';
import { resolveAuth } from './auth/auth-config';
import { readApiConfig } from './config/api-config';
import { readFeedConfig } from '../../../projections/feeds/feed-projection.factory';
import { loadFeedSecret } from '../../../projections/feeds/feed-secret';
import { describeStartupFailure } from './startup/describe-startup-failure';

const LOG_LEVELS: LogLevel[] = ['error', 'warn'];

async function main(): Promise<void> {
  const config = readApiConfig();
  // Before anything reads or writes DATA_DIR (the token secret, the master key, the store): one
  // process per embedded directory, and the CLI finds this API through the lock.
  const dirLock = config.databaseUrl ? undefined : lockDataDir(config.dataDir, { app: 'api' });
  const auth = resolveAuth(config);
  const { app, storeDescription } = await createApp({
    auth: auth.options,
    databaseUrl: config.databaseUrl,
    dataDir: config.databaseUrl ? undefined : config.dataDir,
    eventstoreUrl: config.eventstoreUrl,
    programmesDir: config.programmesDir,
    earliestOccurredAt: config.earliestOccurredAt,
    feeds: { secret: loadFeedSecret(readFeedConfig()) },
    masterKeys: { masterKey: config.masterKey, masterKeyPrevious: config.masterKeyPrevious, required: true },
    logger: LOG_LEVELS,
  });
  app.enableShutdownHooks(['SIGINT', 'SIGTERM']);
  // Nest ends the process by re-raising the signal, so no 'exit' handler runs: let go on close.
  app.getHttpAdapter().getInstance().addHook('onClose', async () => dirLock?.release());
  // Nest logs a failed listen itself before rejecting; main prints the one line an operator needs.
  app.useLogger(false);
  await app.listen({ port: config.port, host: config.host });
  app.useLogger(LOG_LEVELS);
  dirLock?.advertise(await app.getUrl());
  const shownHost = config.host === '0.0.0.0' || config.host === '127.0.0.1' ? 'localhost' : config.host;
  process.stdout.write(`API listening on http://${shownHost}:${config.port} — docs at /docs, store: ${storeDescription}, tokens: ${auth.description}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${describeStartupFailure(error)}\n`);
  if (process.env.DEBUG_STARTUP && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
