import { Controller, Get, Param, Query } from '@nestjs/common';
import { jsonDepthExceeds } from './bounded-json.parser';
import { acceptedQueryOf } from './known-query.guard';
import { refusedRequestInput } from './request-input.hooks';

describe('jsonDepthExceeds', () => {
  it('counts objects and arrays, not brackets inside strings (escaped quotes included)', () => {
    expect(jsonDepthExceeds('{"a":[{"b":[]}]}', 4)).toBe(false);
    expect(jsonDepthExceeds('{"a":[{"b":[]}]}', 3)).toBe(true);
    expect(jsonDepthExceeds(JSON.stringify({ text: '[[[[[[{{{{' }), 1)).toBe(false);
    expect(jsonDepthExceeds(JSON.stringify({ text: 'say \\"[[[[\\" \\\\', n: [[1]] }), 3)).toBe(false);
    expect(jsonDepthExceeds(JSON.stringify({ text: 'a\\"', n: [[[1]]] }), 3)).toBe(true);
    expect(jsonDepthExceeds('['.repeat(100_000), 64)).toBe(true);
  });
});

describe('refusedRequestInput', () => {
  it('refuses control characters in path and query (names and values), and repeated query parameters', () => {
    expect(refusedRequestInput({ params: { id: 'a\u0000' }, query: {} })).toMatchObject({ status: 400, code: 'control-character', extensions: { errors: [{ field: 'path:id' }] } });
    expect(refusedRequestInput({ params: {}, query: { 'x\u001b': '1' } })).toMatchObject({ code: 'control-character', extensions: { errors: [{ field: 'query:x\\u001b' }] } });
    expect(refusedRequestInput({ params: {}, query: { stage: ['a', 'b\u0007'] } })).toMatchObject({ code: 'control-character' });
    expect(refusedRequestInput({ params: {}, query: { stage: ['a', 'b'] } })).toMatchObject({ code: 'invalid-query', extensions: { errors: [{ field: 'query:stage', reason: 'given more than once' }] } });
    expect(refusedRequestInput({ params: { id: 'conv-2026' }, query: { year: '2026', referent: 'Émilie' } })).toBeUndefined();
  });
});

@Controller('things')
class ThingsController {
  @Get()
  list(@Query('kind') _kind?: string, @Query('limit') _limit?: string) {
    return [];
  }

  @Get(':id')
  one(@Param('id') _id: string) {
    return {};
  }

  @Get('raw/all')
  raw(@Query() _query: Record<string, string>) {
    return {};
  }
}

describe('acceptedQueryOf', () => {
  it("reads a handler's own @Query names; none means none; @Query() without a name leaves it to the handler", () => {
    expect(acceptedQueryOf(ThingsController, 'list')).toEqual(['kind', 'limit']);
    expect(acceptedQueryOf(ThingsController, 'one')).toEqual([]);
    expect(acceptedQueryOf(ThingsController, 'raw')).toBeUndefined();
  });
});
