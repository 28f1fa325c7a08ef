import type { RecordedEvent } from '../../../libs/event-store/src/event-store.port';
import { TrajectoryJourney, type JourneyOptions } from '../../core/trajectory-events.builder';
import type { Convention } from '../convention.events';
import { evolveFunderFacts, type FunderFacts } from '../funder-facts.reducer';

export const CONVENTION: Convention = {
  id: 'conv-asll-2026',
  code: 'departement-x-2026',
  createdOn: '2026-01-01',
  copiedFromProgramme: [],
  funder: 'departement-x',
  programme: 'asll-test',
  year: 2026,
  prices: { perDiagnosticCents: 15000, perMonthCents: 19000, perMeasure: [{ code: 'standard', priceCents: 50000 }, { code: 'renforce', priceCents: 80000 }] },
  yearlyCapCents: 4000000,
  funderShares: [
    { funder: 'departement-x', share: 0.6 },
    { funder: 'caf-x', share: 0.4 },
  ],
};

export function factsOf(events: readonly RecordedEvent[]): FunderFacts {
  const f = events.reduce<FunderFacts | undefined>((s, e) => evolveFunderFacts(s, e), undefined);
  if (!f) throw new Error('no facts');
  return f;
}

export function journey(options: JourneyOptions = {}): TrajectoryJourney {
  return new TrajectoryJourney({ conventionId: CONVENTION.id, ...options });
}

/**
 * The hand-computed scenario of the funder tests (as of 15 June 2026):
 * - t1: diagnostic concluded 12 Jan; measure 15 Jan -> evaluation 4 Apr, suspended all of
 *   February: month-measures Jan, Mar, Apr (3), one measure at the default scale in January;
 * - t2: diagnostic concluded 20 Feb, autonomous: closed in February;
 * - t3: diagnostic and measure in 2025, still active: month-measures Jan-Jun 2026 (6);
 * - t4: no convention named anywhere, same programme, saisine 2026: the programme's only 2026
 *   convention takes it: diagnostic concluded 20 Mar;
 * - t5: its contract names another convention: not counted.
 */
export function scenario() {
  const t1 = journey()
    .saisine('2026-01-05')
    .assign('2026-01-05', 'ref-1')
    .firstContact('2026-01-10')
    .grid('2026-01-11')
    .conclude('2026-01-12')
    .draft('2026-01-13')
    .sign('2026-01-15', 'household')
    .measureStarted('2026-01-15', '2026-07-15')
    .brique('2026-01-15', '2.1')
    .suspend('2026-02-01')
    .resume('2026-03-01', '2026-02-01', 28)
    .startEvaluation('2026-04-04', '2026-07-15');
  const t2 = journey().saisine('2026-02-01').firstContact('2026-02-03').conclude('2026-02-20', 'autonomous');
  const t3 = journey()
    .saisine('2025-11-10')
    .firstContact('2025-11-12')
    .conclude('2025-12-01')
    .measureStarted('2025-12-10', '2026-06-10')
    .renew('2026-06-01', '2026-06-10', '2026-12-10');
  const t4 = new TrajectoryJourney().saisine('2026-03-01').firstContact('2026-03-05').conclude('2026-03-20');
  const t5 = journey()
    .saisine('2026-01-05')
    .firstContact('2026-01-06')
    .conclude('2026-01-07')
    .draft('2026-01-08', { conventionId: 'other' })
    .measureStarted('2026-01-09', '2026-07-09', { conventionId: 'other' });
  return { t1, t2, t3, t4, t5 };
}
