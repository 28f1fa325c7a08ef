import type { Role } from '../../../../libs/domain/src';
import { TRAJECTORY_COMMANDS } from '../../../../workflows/trajectory/src';

/**
 * WHO MAY DO WHAT: the one table (domain.md §1, docs/security.md). The JWT guard reads it for every
 * request, the response hook shapes answers from it, and access-policy.e2e-spec.ts calls every
 * route below as every role and checks the status this table implies. A route that is not listed
 * here answers 403 `route-without-policy`: new endpoints are closed until someone decides.
 */

/** The roles a token may carry ('system' is the engine itself and never comes from outside). */
export type CallerRole = Exclude<Role, 'system'>;
export const CALLER_ROLES: readonly CallerRole[] = ['referent', 'coordinator', 'secretary', 'prescriber', 'validator', 'partner', 'funder', 'auditor', 'admin'];

/**
 * How far a granted role reaches:
 * - `any`: every resource of the deployment (one deployment = one service, see security.md);
 * - `assigned`: the trajectory's current referent is the caller (403 otherwise);
 * - `own-caseload`: a list narrowed to the caller as referent (asking for another referent is 403);
 * - `sent-by-me`: the trajectory's prescriber.id is one of the caller's `prescriber:<id>` scopes (404 otherwise);
 * - `saisine-from-me`: the saisine being sent names a prescriber.id among those scopes (403 otherwise);
 * - `funder-convention`: the convention's holder or one of its paying funders is a `funder:<id>` scope (404 otherwise);
 * - `funder-path`: the `:funder` in the path is a `funder:<id>` scope (403 otherwise);
 * - `validator-of`: the trajectory's programme names as validator one of the caller's `validator:<id>` scopes (404 otherwise);
 * - `on-written-decision`: the command records the validator's written decision (`writtenDecision`, 403 otherwise);
 * - `relais-partner`: the hand-off named one of the caller's `partner:<id>` scopes as the relais partner (404 otherwise);
 * - `own-lists`: a list the controller narrows to the caller's own scopes (prescriber, validator, partner ids).
 */
export type ScopeRule =
  | 'any'
  | 'assigned'
  | 'own-caseload'
  | 'sent-by-me'
  | 'saisine-from-me'
  | 'funder-convention'
  | 'funder-path'
  | 'validator-of'
  | 'on-written-decision'
  | 'relais-partner'
  | 'own-lists';

/**
 * What the caller gets back when it is less than the whole answer (response-shapes.ts):
 * - `trajectory:front-desk` / `result:front-desk`: no personal data, no diagnostic, contract or evaluation content;
 * - `trajectory:stage-only` / `result:stage-only`: the stage and nothing else;
 * - `conventions:own`: only the conventions the caller funds;
 * - `caseload:own`: the referent facet counts reduced to the caller.
 */
export type ResponseShape =
  | 'trajectory:front-desk'
  | 'trajectory:stage-only'
  | 'result:front-desk'
  | 'result:stage-only'
  | 'conventions:own'
  | 'caseload:own';

export interface Grant {
  scope: ScopeRule;
  shape?: ResponseShape;
}

/** Roles absent from a grant table are refused with 403. */
export type Grants = Partial<Record<CallerRole, Grant>>;

export interface RoutePolicy {
  method: 'GET' | 'POST';
  /** The route as Fastify registers it. */
  path: string;
  /**
   * `public`: no token needed. A command route takes its grants from COMMAND_POLICY, for the fixed
   * command or the one named by the `:command` path parameter.
   */
  access: Grants | 'public' | { command: string } | { commandParam: string };
  /**
   * Reads of a trajectory's personal data are written to the access log (who, which trajectory,
   * when) for every caller that gets the unshaped answer.
   */
  accessLog?: 'trajectory' | 'history';
}

const any: Grant = { scope: 'any' };
const assigned: Grant = { scope: 'assigned' };
const caseWork: Grants = { coordinator: any, referent: assigned };
const everyone: Grants = Object.fromEntries(CALLER_ROLES.map((role) => [role, any]));

const validatorDecision: Grants = { validator: { scope: 'validator-of', shape: 'result:stage-only' }, coordinator: { scope: 'on-written-decision' } };

/**
 * Every trajectory command. Referents act on the trajectories assigned to them, coordinators on all:
 * a command added to workflows/trajectory gets that by default; the exceptions are listed.
 */
const COMMAND_EXCEPTIONS: Readonly<Record<string, Grants>> = {
  'receive-saisine': {
    secretary: { scope: 'any', shape: 'result:front-desk' },
    coordinator: any,
    referent: any,
    prescriber: { scope: 'saisine-from-me', shape: 'result:stage-only' },
  },
  // Naming and re-naming the social worker is the head of service's call (domain.md §1).
  'assign-referent': { coordinator: any },
  'change-referent': { coordinator: any },
  // The barème after the contract is the head of service's choice (issue 17 §3); draft-contract may name it.
  'choose-scale': { coordinator: any },
  // The front desk books first contacts; it never sees what they produce.
  'record-first-contact': { ...caseWork, secretary: { scope: 'any', shape: 'result:front-desk' } },
  // The validator decides on what was submitted to it; the coordinator records its written decision
  // (domain.md §2). The referent who submitted does not decide.
  'validate-measure': validatorDecision,
  'reject-measure': validatorDecision,
  // The relais partner named in the hand-off confirms it took the household on (domain.md §2, relais).
  'confirm-relais': { ...caseWork, partner: { scope: 'relais-partner', shape: 'result:stage-only' } },
};

export const COMMAND_POLICY: Readonly<Record<string, Grants>> = Object.fromEntries(TRAJECTORY_COMMANDS.map((name) => [name, COMMAND_EXCEPTIONS[name] ?? caseWork]));

const conventionReaders: Grants = { admin: any, coordinator: any, auditor: any, funder: { scope: 'funder-convention' } };

export const ROUTE_POLICY: readonly RoutePolicy[] = [
  { method: 'GET', path: '/health', access: 'public' },

  { method: 'POST', path: '/trajectories', access: { command: 'receive-saisine' } },
  { method: 'POST', path: '/trajectories/:id/commands/:command', access: { commandParam: 'command' } },
  {
    method: 'GET',
    path: '/trajectories/:id',
    access: {
      referent: assigned,
      coordinator: any,
      auditor: any,
      secretary: { scope: 'any', shape: 'trajectory:front-desk' },
      prescriber: { scope: 'sent-by-me', shape: 'trajectory:stage-only' },
    },
    accessLog: 'trajectory',
  },
  { method: 'GET', path: '/trajectories/:id/history', access: { referent: assigned, coordinator: any, auditor: any }, accessLog: 'history' },
  { method: 'GET', path: '/trajectories/:id/verify', access: { coordinator: any, auditor: any } },
  { method: 'GET', path: '/access-log', access: { auditor: any } },
  // The commands' schemas hold no data: whoever may call the API may build its forms from them.
  { method: 'GET', path: '/commands', access: everyone },
  { method: 'GET', path: '/commands/:name', access: everyone },
  // The catalogue's programmes (code, title, briques; no prices): what a saisine form offers.
  { method: 'GET', path: '/programmes', access: everyone },

  // Partners in the loop (issue 13): each reads its own list, narrowed to its own scopes by the controller.
  { method: 'GET', path: '/saisines', access: { prescriber: { scope: 'own-lists' } } },
  { method: 'GET', path: '/validations', access: { validator: { scope: 'own-lists' }, coordinator: any, auditor: any } },
  { method: 'GET', path: '/partner/trajectories', access: { partner: { scope: 'own-lists' } } },

  { method: 'GET', path: '/caseload', access: { coordinator: any, auditor: any, secretary: any, referent: { scope: 'own-caseload', shape: 'caseload:own' } } },
  { method: 'GET', path: '/deadlines', access: { coordinator: any, auditor: any, secretary: any, referent: { scope: 'own-caseload' } } },

  { method: 'POST', path: '/conventions', access: { admin: any } },
  { method: 'GET', path: '/conventions', access: { admin: any, coordinator: any, auditor: any, funder: { scope: 'any', shape: 'conventions:own' } } },
  { method: 'GET', path: '/conventions/:id', access: conventionReaders },
  { method: 'GET', path: '/conventions/:id/consumption', access: conventionReaders },
  { method: 'GET', path: '/conventions/:id/dashboard', access: conventionReaders },
  { method: 'GET', path: '/conventions/:id/report', access: conventionReaders },

  { method: 'GET', path: '/feeds/:funder', access: { funder: { scope: 'funder-path' }, auditor: any } },

  // docs/privacy.md: erasure is irreversible, hence the admin's alone; the right of access is
  // answered by the head of service, and auditors check what is held.
  { method: 'POST', path: '/households/:id/erasure', access: { admin: any } },
  { method: 'GET', path: '/households/:id/export', access: { coordinator: any, auditor: any } },

  // The store's maintenance, for the embedded store that only the API may open (README): rebuilding
  // and the retention dry run are the admin's; checking what is stored is the auditors'.
  { method: 'POST', path: '/admin/projections/:name/rebuild', access: { admin: any } },
  { method: 'GET', path: '/admin/projections/:name/rebuilds/:jobId', access: { admin: any } },
  { method: 'GET', path: '/admin/retention/dry-run', access: { admin: any } },
  { method: 'POST', path: '/audit/verifications', access: { auditor: any } },
  { method: 'GET', path: '/audit/verifications/:jobId', access: { auditor: any } },
  { method: 'GET', path: '/audit/trajectories/:id/events', access: { auditor: any } },
];

/** Method, then route pattern: no key string built per request. */
const BY_ROUTE = new Map<string, Map<string, RoutePolicy>>();
for (const policy of ROUTE_POLICY) {
  const paths = BY_ROUTE.get(policy.method) ?? new Map<string, RoutePolicy>();
  paths.set(policy.path, policy);
  BY_ROUTE.set(policy.method, paths);
}

export function routePolicy(method: string, path: string | undefined): RoutePolicy | undefined {
  // HEAD is answered by the GET route (Fastify exposes it automatically) and must be guarded alike.
  const m = method === 'HEAD' ? 'GET' : method;
  return path === undefined ? undefined : BY_ROUTE.get(m)?.get(path);
}
