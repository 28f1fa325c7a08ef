import type { Consumption } from '../../../../projections/funder/consumption.calculator';
import type { MonthlyDashboard } from '../../../../projections/funder/dashboard.calculator';
import { consumptionCsv, dashboardCsv, reportCsv } from '../../../../projections/funder/funder.csv';
import type { YearlyReport } from '../../../../projections/funder/report.calculator';

/*
 * Example answers for the OpenAPI document, typed as the real ones and written to CSV by the real
 * writers: an example cannot show a column or a unit the server does not send.
 */

const LINES: Consumption['lines'] = [
  { kind: 'diagnostic', scale: null, quantity: 3, unitPriceCents: 15000, amountCents: 45000 },
  { kind: 'month-measure', scale: null, quantity: 9, unitPriceCents: 19000, amountCents: 171000 },
];

const CONSUMPTION: Consumption = {
  conventionId: 'conv-asll-2026',
  funder: 'departement-x',
  programme: 'asll-departement-x',
  year: 2026,
  asOf: '2026-06-15',
  lines: LINES,
  capCents: 4000000,
  totalCents: 216000,
  remainingCents: 3784000,
  usedPercent: 5.4,
  overCap: false,
  capReached: false,
  funderShares: [
    { funder: 'departement-x', share: 0.6, amountCents: 129600 },
    { funder: 'caf-x', share: 0.4, amountCents: 86400 },
  ],
  planned: null,
};

const DASHBOARD: MonthlyDashboard = {
  conventionId: 'conv-asll-2026',
  funder: 'departement-x',
  programme: 'asll-departement-x',
  month: '2026-03',
  asOf: '2026-06-15',
  saisinesReceived: 4,
  diagnosticsStarted: 3,
  diagnosticsConcluded: 2,
  measuresActive: 7,
  monthMeasures: 6,
  closuresByEndReason: { housed: 1 },
  amountThisMonthCents: 144000,
  linesThisMonth: LINES,
  yearToDate: { capCents: 4000000, totalCents: 216000, remainingCents: 3784000, usedPercent: 5.4, overCap: false, capReached: false },
  volumes: [
    { volume: 'diagnostics', planned: 60, actualYearToDate: 3 },
    { volume: 'monthMeasures', planned: 240, actualYearToDate: 9 },
  ],
  saisineFields: [{ field: 'orientation', value: 'maintien', count: 3 }],
};

const none = { composition: [], resources: [], ageBand: [], gender: [] };

const REPORT: YearlyReport = {
  conventionId: 'conv-asll-2026',
  funder: 'departement-x',
  programme: 'asll-departement-x',
  year: 2026,
  asOf: '2026-06-15',
  households: { received: 12, diagnosed: 9, accompanied: 7, population: 12 },
  outcomes: { housed: '<5', maintained: 5, abandoned: '<5' },
  averageDuration: { measures: '<5', days: null, months: null },
  profile: { ...none, composition: [{ category: 'single-parent', count: 6, percent: 50 }] },
  briques: [],
  gridProgress: { evaluated: '<5', axes: [] },
  saisineFields: [{ field: 'orientation', shares: [{ category: 'maintien', count: 8, percent: 66.7 }, { category: 'mutation', count: '<5', percent: null }] }],
};

export const CONSUMPTION_CSV = consumptionCsv(CONSUMPTION);
export const DASHBOARD_CSV = dashboardCsv(DASHBOARD);
export const REPORT_CSV = reportCsv(REPORT);
