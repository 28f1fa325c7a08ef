import 'reflect-metadata';
import { createApp } from './app.factory';
import { readApiConfig } from './config/api-config';
import { describeStartupFailure } from './startup/describe-startup-failure';

async function main(): Promise<void> {
  const config = readApiConfig();
  const { app, storeDescription } = await createApp({
    databaseUrl: config.databaseUrl,
    dataDir: config.databaseUrl ? undefined : config.dataDir,
    eventstoreUrl: config.eventstoreUrl,
    programmesDir: config.programmesDir,
    logger: ['error', 'warn'],
  });
  app.enableShutdownHooks(['SIGINT', 'SIGTERM']);
  await app.listen({ port: config.port, host: config.host });
  const shownHost = config.host === '0.0.0.0' || config.host === '127.0.0.1' ? 'localhost' : config.host;
  process.stdout.write(`API listening on http://${shownHost}:${config.port} — docs at /docs, store: ${storeDescription}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${describeStartupFailure(error)}\n`);
  if (process.env.DEBUG_STARTUP && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
