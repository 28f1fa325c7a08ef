import { runProjectionsInApi } from '../projections/projections.module';
import { describeStartupFailure } from '../startup/describe-startup-failure';
import { readApiConfig } from './api-config';

function failureOf(read: () => unknown): string {
  try {
    read();
  } catch (error) {
    return describeStartupFailure(error);
  }
  throw new Error('expected a start-up failure');
}

describe('API settings', () => {
  it('OCCURRED_AT_MIN: a calendar date, or the engine default when unset', () => {
    expect(readApiConfig({ OCCURRED_AT_MIN: '2000-01-01' }).earliestOccurredAt).toBe('2000-01-01');
    expect(readApiConfig({}).earliestOccurredAt).toBeUndefined();
    expect(failureOf(() => readApiConfig({ OCCURRED_AT_MIN: '2000-02-30' }))).toBe('Start-up failed: OCCURRED_AT_MIN must be a calendar date YYYY-MM-DD, got "2000-02-30".');
  });

  it('RUN_PROJECTIONS_IN_API=maybe stops start-up with one line instead of meaning the default', () => {
    expect(runProjectionsInApi('pglite', {})).toBe(true);
    expect(runProjectionsInApi('postgres', {})).toBe(false);
    expect(runProjectionsInApi('postgres', { RUN_PROJECTIONS_IN_API: 'TRUE' })).toBe(true);
    expect(failureOf(() => runProjectionsInApi('pglite', { RUN_PROJECTIONS_IN_API: 'maybe' }))).toBe(
      'Start-up failed: RUN_PROJECTIONS_IN_API must be true or false, got "maybe".',
    );
  });
});
