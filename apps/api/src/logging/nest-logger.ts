import { Logger as PinoNestLogger } from 'nestjs-pino';

/** Nest's start-up chatter (one line per module and per route), useful only when debugging. */
const BOOT_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory', 'NestApplication']);

/** nestjs-pino's LoggerService for Nest's own messages, with the boot chatter moved to debug. */
export class NestLogger extends PinoNestLogger {
  override log(message: unknown, ...optionalParams: unknown[]): void {
    const context = optionalParams.at(-1);
    if (typeof context === 'string' && BOOT_CONTEXTS.has(context)) this.debug(message, ...optionalParams);
    else super.log(message, ...optionalParams);
  }
}
