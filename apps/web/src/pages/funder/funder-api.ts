import type { Consumption } from '../../../../../projections/funder/consumption.calculator';
import type { Convention } from '../../../../../projections/funder/convention.events';
import type { MonthlyDashboard } from '../../../../../projections/funder/dashboard.calculator';
import type { YearlyReport } from '../../../../../projections/funder/report.calculator';
import type { ApiClient } from '../../api/api-client';

/* The funders' answers as the API documents them (GET /conventions/...): the types are the API's own. */
export type { Consumption, Convention, MonthlyDashboard, YearlyReport };

const base = (id: string) => `/conventions/${encodeURIComponent(id)}`;

export const conventionPaths = {
  consumption: (id: string, year?: number) => `${base(id)}/consumption${year ? `?year=${year}` : ''}`,
  dashboard: (id: string, month?: string) => `${base(id)}/dashboard${month ? `?month=${month}` : ''}`,
  report: (id: string, year?: number) => `${base(id)}/report${year ? `?year=${year}` : ''}`,
};

export async function loadConvention(api: ApiClient, id: string): Promise<Convention> {
  return (await api.get<Convention>(base(id))).body;
}

export function conventionTitle(c: Pick<Convention, 'programme' | 'year' | 'funder'>): string {
  return `${c.programme} · ${c.year} · ${c.funder}`;
}

/** The funder codes a funder's token names (`funder:<id>` scopes). */
export function funderScopes(scopes: readonly string[]): string[] {
  return scopes.filter((s) => s.startsWith('funder:')).map((s) => s.slice('funder:'.length));
}

/** The year asked in the address (?year=), if it is one. */
export function yearParam(search: string): number | undefined {
  const raw = new URLSearchParams(search).get('year');
  return raw && /^\d{4}$/.test(raw) ? Number(raw) : undefined;
}
