import { type CallerRole, COMMAND_POLICY, type Grant, type Grants, type RoutePolicy, ROUTE_POLICY } from '../../../apps/api/src/auth/access-policy';
import * as commandFixtures from '../../../workflows/trajectory/src/testing/command-fixtures';
import { trajectoryCommandDefinition } from '../../../workflows/trajectory/src';
import type { Actor } from './auth';
import type { AccessWorld } from './access-world';
import { saisineWithPersonalData } from './access-world';
import { ADMIN, AUDITOR, COORDINATOR, FUNDER, OTHER_FUNDER, OTHER_PARTNER, OTHER_PRESCRIBER, OTHER_VALIDATOR, PARTNER, PRESCRIBER, REFERENT, REFERENT_2, SECRETARY, VALIDATOR } from './fixtures';

/**
 * Reads the access-policy table and turns it into requests and the status each caller must get.
 * Nothing here restates who may do what: the expectations are derived from the table, so the test
 * follows the table and fails when the app does not.
 */

export interface Caller {
  label: string;
  actor: Actor & { role: CallerRole };
  /** Whether the seeded resources are this caller's own (its trajectory, its saisine, its convention). */
  own: boolean;
}

/** Every role, and for the scoped ones someone of another caseload, prescriber or funder as well. */
export const CALLERS: readonly Caller[] = [
  { label: "the referent of the trajectory", actor: REFERENT as Caller['actor'], own: true },
  { label: 'a referent of another caseload', actor: REFERENT_2 as Caller['actor'], own: false },
  { label: 'the coordinator', actor: COORDINATOR as Caller['actor'], own: true },
  { label: 'the secretary', actor: SECRETARY as Caller['actor'], own: true },
  { label: 'the prescriber who sent it', actor: PRESCRIBER as Caller['actor'], own: true },
  { label: 'another prescriber', actor: OTHER_PRESCRIBER as Caller['actor'], own: false },
  { label: 'the validator of its programme', actor: VALIDATOR as Caller['actor'], own: true },
  { label: 'another validator', actor: OTHER_VALIDATOR as Caller['actor'], own: false },
  { label: 'its landlord and prescriber as a partner', actor: PARTNER as Caller['actor'], own: true },
  { label: 'another partner', actor: OTHER_PARTNER as Caller['actor'], own: false },
  { label: 'a funder of the convention', actor: FUNDER as Caller['actor'], own: true },
  { label: 'another funder', actor: OTHER_FUNDER as Caller['actor'], own: false },
  { label: 'the auditor', actor: AUDITOR as Caller['actor'], own: true },
  { label: 'the admin', actor: ADMIN as Caller['actor'], own: true },
];

/** The status a caller must get: the success status, or the refusal the grant's scope rule gives. */
export function expectedStatus(grant: Grant | undefined, caller: Caller, success: number): number {
  if (!grant) return 403;
  switch (grant.scope) {
    // own-lists: narrowed to the caller's own scopes, everyone granted gets its own (possibly empty) list;
    // on-written-decision: the probe carries the validator's written decision (WRITTEN_DECISION below).
    case 'any':
    case 'own-caseload':
    case 'own-lists':
    case 'on-written-decision':
      return success;
    case 'validator-of':
      return caller.own ? success : 404;
    // The world's trajectory is in the contract stage, handed off to nobody: every partner gets the
    // outsider's 404 (the relais partner's own confirmation is in partners-journey.e2e-spec.ts).
    case 'relais-partner':
      return 404;
    case 'assigned':
    case 'saisine-from-me':
    case 'funder-path':
      return caller.own ? success : 403;
    case 'sent-by-me':
    case 'funder-convention':
      return caller.own ? success : 404;
  }
}

export interface ProbeRequest {
  method: 'GET' | 'POST';
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface Probe {
  /** "GET /trajectories/:id" or "POST /trajectories/:id/commands/record-note". */
  name: string;
  grants: Grants;
  /** What an allowed caller gets. Commands are sent with a stale If-Match: allowed means 412, nothing written. */
  success: number;
  request(world: AccessWorld): ProbeRequest;
}

const COMMAND_BODIES = new Map<string, Record<string, unknown>>(
  (Object.values(commandFixtures) as unknown[])
    .filter((f): f is (overrides: object) => unknown => typeof f === 'function' && f.length <= 1)
    .map((f) => {
      try {
        return f({}) as { type?: unknown; payload?: unknown };
      } catch {
        return {};
      }
    })
    .filter((c): c is { type: string; payload: Record<string, unknown> } => typeof c.type === 'string' && typeof c.payload === 'object')
    .map((c) => [c.type, c.payload]),
);

/** A coordinator records a validator's decision only on its written decision: the probes carry one. */
const WRITTEN_DECISION = { writtenDecision: { reference: 'CR-2026-14', decidedOn: '2026-03-01' } };
const WITH_WRITTEN_DECISION = new Set(['validate-measure', 'reject-measure']);

/** One concrete request per route of the table; a route added to the table without one fails the suite. */
const SAMPLES: Record<string, { success: number; request(world: AccessWorld): ProbeRequest }> = {
  'POST /trajectories': {
    success: 201,
    request: () => ({ method: 'POST', url: '/trajectories', body: saisineWithPersonalData('2026-03-01', { prescriber: { kind: 'landlord', name: 'Lyon Métropole Habitat', id: 'lmh' } }) }),
  },
  'GET /trajectories/:id': { success: 200, request: (w) => ({ method: 'GET', url: `/trajectories/${w.a.id}` }) },
  'GET /trajectories/:id/history': { success: 200, request: (w) => ({ method: 'GET', url: `/trajectories/${w.a.id}/history` }) },
  'GET /trajectories/:id/verify': { success: 200, request: (w) => ({ method: 'GET', url: `/trajectories/${w.a.id}/verify` }) },
  'GET /access-log': { success: 200, request: (w) => ({ method: 'GET', url: `/access-log?trajectory=${w.a.id}` }) },
  'GET /commands': { success: 200, request: () => ({ method: 'GET', url: '/commands' }) },
  'GET /commands/:name': { success: 200, request: () => ({ method: 'GET', url: '/commands/record-point' }) },
  'GET /saisines': { success: 200, request: () => ({ method: 'GET', url: '/saisines' }) },
  'GET /validations': { success: 200, request: () => ({ method: 'GET', url: '/validations' }) },
  'GET /partner/trajectories': { success: 200, request: () => ({ method: 'GET', url: '/partner/trajectories' }) },
  'GET /programmes': { success: 200, request: () => ({ method: 'GET', url: '/programmes' }) },
  'GET /caseload': { success: 200, request: () => ({ method: 'GET', url: '/caseload' }) },
  'GET /deadlines': { success: 200, request: () => ({ method: 'GET', url: '/deadlines' }) },
  'POST /conventions': {
    success: 201,
    request: () => ({
      method: 'POST',
      url: '/conventions',
      body: { funder: 'caf-x', programme: 'asll-test', year: 2027, prices: { perDiagnosticCents: 15000, perMonthCents: 19000 }, yearlyCapCents: 1000000 },
    }),
  },
  'GET /conventions': { success: 200, request: () => ({ method: 'GET', url: '/conventions' }) },
  'GET /conventions/:id': { success: 200, request: (w) => ({ method: 'GET', url: `/conventions/${w.conventionId}` }) },
  'GET /conventions/:id/consumption': { success: 200, request: (w) => ({ method: 'GET', url: `/conventions/${w.conventionId}/consumption` }) },
  'GET /conventions/:id/dashboard': { success: 200, request: (w) => ({ method: 'GET', url: `/conventions/${w.conventionId}/dashboard?month=2026-02` }) },
  'GET /conventions/:id/report': { success: 200, request: (w) => ({ method: 'GET', url: `/conventions/${w.conventionId}/report` }) },
  'GET /feeds/:funder': { success: 200, request: () => ({ method: 'GET', url: '/feeds/departement-x' }) },
  // An unknown household: allowed means 404 household-not-found, nothing erased (the world's households stay).
  'POST /households/:id/erasure': { success: 404, request: () => ({ method: 'POST', url: '/households/00000000-0000-4000-8000-00000000dead/erasure', body: { reason: 'household-request' } }) },
  'GET /households/:id/export': { success: 200, request: (w) => ({ method: 'GET', url: `/households/${w.a.householdId}/export` }) },
  // Unknown projection and jobs: allowed means 404, nothing rebuilt.
  'POST /admin/projections/:name/rebuild': { success: 404, request: () => ({ method: 'POST', url: '/admin/projections/no-such-projection/rebuild' }) },
  'GET /admin/projections/:name/rebuilds/:jobId': { success: 404, request: () => ({ method: 'GET', url: '/admin/projections/caseload/rebuilds/00000000-0000-4000-8000-000000000001' }) },
  'GET /admin/retention/dry-run': { success: 200, request: () => ({ method: 'GET', url: '/admin/retention/dry-run' }) },
  'POST /audit/verifications': { success: 202, request: () => ({ method: 'POST', url: '/audit/verifications' }) },
  'GET /audit/verifications/:jobId': { success: 404, request: () => ({ method: 'GET', url: '/audit/verifications/00000000-0000-4000-8000-000000000001' }) },
  'GET /audit/trajectories/:id/events': { success: 200, request: (w) => ({ method: 'GET', url: `/audit/trajectories/${w.a.id}/events` }) },
};

/** Every guarded route of the table, command routes expanded into one probe per command. */
export function probesFromPolicy(policy: readonly RoutePolicy[] = ROUTE_POLICY): Probe[] {
  const probes: Probe[] = [];
  for (const route of policy) {
    const key = `${route.method} ${route.path}`;
    if (route.access === 'public') continue;
    if ('commandParam' in route.access) {
      for (const [command, grants] of Object.entries(COMMAND_POLICY)) {
        if (command === 'receive-saisine') continue;
        // A command without a fixture is probed with its definition's example, valid by construction.
        const body = COMMAND_BODIES.get(command) ?? trajectoryCommandDefinition(command)?.example;
        if (!body) throw new Error(`No command fixture or definition for ${command}`);
        probes.push({
          name: `POST /trajectories/:id/commands/${command}`,
          grants,
          success: 412,
          request: (w) => ({
            method: 'POST',
            url: `/trajectories/${w.a.id}/commands/${command}`,
            body: { occurredAt: '2026-03-01', ...body, ...(WITH_WRITTEN_DECISION.has(command) ? WRITTEN_DECISION : {}) },
            headers: { 'if-match': '"999"' },
          }),
        });
      }
      continue;
    }
    const sample = SAMPLES[key];
    if (!sample) throw new Error(`The access policy has ${key} but the policy matrix has no sample request for it: add one to SAMPLES.`);
    const grants = 'command' in route.access ? COMMAND_POLICY[route.access.command as string] : (route.access as Grants);
    probes.push({ name: key, grants, success: sample.success, request: sample.request });
  }
  return probes;
}
