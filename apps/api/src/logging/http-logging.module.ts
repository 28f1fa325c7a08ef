import { type BeforeApplicationShutdown, type DynamicModule, Inject, Injectable, Module, type OnApplicationShutdown, RequestMethod } from '@nestjs/common';
import { LoggerModule, PARAMS_PROVIDER_TOKEN, type Params, PinoLogger } from 'nestjs-pino';
import type { Logger } from '../../../../libs/logging/src';
import { NestLogger } from './nest-logger';
import { requestLogOptions } from './request-log.options';

const ROOT_LOGGER = Symbol('RootLogger');

@Injectable()
class ShutdownLog implements BeforeApplicationShutdown, OnApplicationShutdown {
  constructor(@Inject(ROOT_LOGGER) private readonly logger: Logger) {}

  beforeApplicationShutdown(signal?: string): void {
    this.logger.info({ signal: signal ?? null }, 'API stopping: finishing the requests in flight');
  }

  onApplicationShutdown(signal?: string): void {
    this.logger.info({ signal: signal ?? null }, 'API stopped');
  }
}

/**
 * nestjs-pino in front of every route (pino-http, one line per request) and NestLogger for Nest's
 * own messages: createApp calls app.useLogger(app.get(NestLogger)).
 * nestjs-pino keeps its logger outside requests in module state: one app per process (or per jest
 * file) logs where its first app said.
 */
@Module({})
export class HttpLoggingModule {
  static forRoot(logger: Logger): DynamicModule {
    return {
      module: HttpLoggingModule,
      imports: [LoggerModule.forRoot({ pinoHttp: requestLogOptions(logger), forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }] })],
      providers: [
        { provide: ROOT_LOGGER, useValue: logger },
        ShutdownLog,
        { provide: NestLogger, useFactory: (pino: PinoLogger, params: Params) => new NestLogger(pino, params), inject: [PinoLogger, PARAMS_PROVIDER_TOKEN] },
      ],
      exports: [NestLogger],
    };
  }
}
