import { Controller, Get, Headers, Inject, Logger, Param, Query, Req, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { SqlExecutor } from '../../../../projections/core/sql.port';
import { isFunderId } from '../../../../projections/feeds/feed-record';
import { MAX_PAGE, parseCursor, readFunderFeed } from '../../../../projections/feeds/feed.queries';
import type { RequestWithPrincipal } from '../principal/principal';
import { ApiProblem } from '../openapi/problem-responses';
import { HttpProblem } from '../problem-details/http-problem';
import { assertMayReadFeed } from './feed-access.policy';
import { streamFeed } from './feed-event-stream';
import { FeedTail } from './feed-tail.service';
import { FeedPageSchema } from './feed.schemas';
import { FEED_DATABASE, FEED_HTTP_OPTIONS, type FeedHttpOptions } from './feeds.tokens';

const DEFAULT_LIMIT = 100;

@ApiTags('feeds')
@Controller('feeds')
export class FeedsController {
  private readonly logger = new Logger('FeedsController');

  constructor(
    @Inject(FEED_DATABASE) private readonly db: SqlExecutor,
    @Inject(FEED_HTTP_OPTIONS) private readonly options: FeedHttpOptions,
    private readonly tail: FeedTail,
  ) {}

  @Get(':funder')
  @ApiOperation({
    summary: "A funder's pseudonymised activity feed",
    description:
      'Records in sequence order after `after`, and `nextCursor` to ask for the ones that follow. With `Accept: text/event-stream` ' +
      'the same records come as server-sent events (id = sequence), then new ones live; reconnect with Last-Event-ID. ' +
      'A funder token (role funder, scope funder:<id>) reads its own feed; an auditor may read any. Deduplicate by recordId.',
  })
  @ApiParam({ name: 'funder', description: 'Funder code, e.g. departement-69' })
  @ApiQuery({ name: 'after', required: false, description: 'Cursor: the nextCursor of the previous page; 0 or absent for the start.' })
  @ApiQuery({ name: 'limit', required: false, description: `1-${MAX_PAGE}, default ${DEFAULT_LIMIT}` })
  @ApiHeader({ name: 'Last-Event-ID', required: false, description: 'Event streams: the id of the last event received.' })
  @ApiProduces('application/json', 'text/event-stream')
  @ApiOkResponse({ type: FeedPageSchema })
  @ApiProblem(400, 'invalid-cursor', 'The funder code, the cursor or the limit is invalid.')
  @ApiProblem(403, 'feed-forbidden', "Not this funder's token (role funder with scope funder:<id>, or an auditor).")
  async read(
    @Param('funder') funder: string,
    @Query('after') after: string | undefined,
    @Query('limit') limit: string | undefined,
    @Headers('accept') accept: string | undefined,
    @Headers('last-event-id') lastEventId: string | undefined,
    @Req() request: RequestWithPrincipal,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    if (!isFunderId(funder)) throw HttpProblem.badRequest('invalid-funder', 'Not a funder code.', [{ field: 'path:funder', reason: 'letters, digits and . _ : - only' }]);
    assertMayReadFeed(request.principal, funder);

    if (wantsEventStream(accept)) {
      const from = lastEventId?.trim() ? lastEventId.trim() : after;
      const cursor = parseCursor(from);
      if (cursor === undefined) throw HttpProblem.badRequest('invalid-cursor', 'The cursor is not one this feed gave.', [{ field: lastEventId ? 'header:last-event-id' : 'query:after', reason: 'a record sequence (digits)' }]);
      // From here the response is ours, written as the records come.
      reply.hijack();
      await streamFeed(reply.raw, {
        db: this.db,
        tail: this.tail,
        funderId: funder,
        after: cursor,
        heartbeatMs: this.options.heartbeatMs,
        onError: (e) => this.logger.error(`feed stream of ${funder} failed: ${e instanceof Error ? e.stack : String(e)}`),
      });
      return;
    }

    const cursor = parseCursor(after);
    if (cursor === undefined) throw HttpProblem.badRequest('invalid-cursor', 'The cursor is not one this feed gave.', [{ field: 'query:after', reason: 'a record sequence (digits)' }]);
    const size = parseLimit(limit);
    const page = await readFunderFeed(this.db, funder, cursor, size);
    const next = `/feeds/${encodeURIComponent(funder)}?after=${page.nextCursor}&limit=${size}`;
    await reply
      .header('cache-control', 'no-store')
      .header('link', `<${next}>; rel="next"`)
      .type('application/json')
      .send({ funderId: funder, records: page.records, nextCursor: page.nextCursor, limit: size });
  }
}

function wantsEventStream(accept: string | undefined): boolean {
  return (accept ?? '').split(',').some((part) => part.trim().toLowerCase().startsWith('text/event-stream'));
}

function parseLimit(raw: string | undefined): number {
  if (raw === undefined || raw === '') return DEFAULT_LIMIT;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < 1 || n > MAX_PAGE) {
    throw HttpProblem.badRequest('invalid-limit', `limit must be between 1 and ${MAX_PAGE}.`, [{ field: 'query:limit', reason: `an integer 1-${MAX_PAGE}` }]);
  }
  return n;
}
