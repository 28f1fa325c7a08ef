import { EventStreamParser } from './event-stream';

describe('EventStreamParser', () => {
  it('returns events as their blank line arrives, across chunks, skipping comments and retry lines', () => {
    const parser = new EventStreamParser();
    expect(parser.push('retry: 2000\n\n: keep-alive\n\nid: 4\nevent: feed-rec')).toEqual([]);
    expect(parser.push('ord\ndata: {"a":1}\n\nid: 5\r\nevent: feed-record\r\ndata: {"a":2}\r\n\r\n')).toEqual([
      { id: '4', event: 'feed-record', data: '{"a":1}' },
      { id: '5', event: 'feed-record', data: '{"a":2}' },
    ]);
  });
  it('joins data lines and defaults the event name to message', () => {
    expect(new EventStreamParser().push('data: one\ndata: two\n\n')).toEqual([{ event: 'message', data: 'one\ntwo' }]);
  });
});
