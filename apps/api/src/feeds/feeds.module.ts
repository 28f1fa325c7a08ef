import { type DynamicModule, Module } from '@nestjs/common';
import { FeedTail } from './feed-tail.service';
import { FeedsController } from './feeds.controller';
import { DEFAULT_FEED_HTTP_OPTIONS, FEED_DATABASE, FEED_HTTP_OPTIONS, type FeedDatabase, type FeedHttpOptions } from './feeds.tokens';

/**
 * GET /feeds/{funder}, pages and event streams. Reads the feed table the worker's feed projection
 * writes; pass the projections' database (createApp({ modules: [FeedsModule.register({ db })] })).
 */
@Module({})
export class FeedsModule {
  static register(options: { db: FeedDatabase } & Partial<FeedHttpOptions>): DynamicModule {
    const { db, ...http } = options;
    return {
      module: FeedsModule,
      controllers: [FeedsController],
      providers: [
        { provide: FEED_DATABASE, useValue: db },
        { provide: FEED_HTTP_OPTIONS, useValue: { ...DEFAULT_FEED_HTTP_OPTIONS, ...http } },
        FeedTail,
      ],
    };
  }
}
