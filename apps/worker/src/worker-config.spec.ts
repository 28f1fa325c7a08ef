import { readFeedRelayConfig } from './feeds/feed-relay.config';
import { readWorkerConfig } from './worker-config';

describe('worker settings', () => {
  it('RETENTION_JOB is on or off; anything else is refused rather than leaving erasure on', () => {
    expect(readWorkerConfig({}).retentionJob).toBe('on');
    expect(readWorkerConfig({ RETENTION_JOB: 'Off' }).retentionJob).toBe('off');
    expect(() => readWorkerConfig({ RETENTION_JOB: 'disabled' })).toThrow('RETENTION_JOB must be one of on, off, got "disabled".');
  });

  it('KAFKA_SSL and KAFKA_CREATE_TOPICS are true or false', () => {
    const base = { KAFKA_BROKERS: 'k:9092' };
    expect(readFeedRelayConfig(base)).toMatchObject({ ssl: false, createTopics: true });
    expect(readFeedRelayConfig({ ...base, KAFKA_SSL: 'true', KAFKA_CREATE_TOPICS: 'false' })).toMatchObject({ ssl: true, createTopics: false });
    expect(() => readFeedRelayConfig({ ...base, KAFKA_SSL: 'yes' })).toThrow('KAFKA_SSL must be true or false, got "yes".');
    expect(() => readFeedRelayConfig({ ...base, KAFKA_CREATE_TOPICS: 'no' })).toThrow('KAFKA_CREATE_TOPICS must be true or false, got "no".');
  });
});
