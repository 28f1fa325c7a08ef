import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Forbidden, scopeValues } from '../../../../libs/auth/src';
import { isUuid, NotFoundError, trajectoryStreamId } from '../../../../libs/domain/src';
import type { ProjectionDatabase } from '../../../../projections/core/sql.port';
import { ConventionNotFound, getConvention } from '../../../../projections/funder/funder.queries';
import { FeedForbidden } from '../feeds/feed-access.policy';
import type { Principal } from '../principal/principal';
import { PROJECTIONS_DATABASE } from '../projections/projections.tokens';
import type { TrajectoryRunner } from '../trajectories/trajectory-runner.provider';
import { TRAJECTORY_RUNNER } from '../trajectories/trajectory.tokens';
import type { ScopeRule } from './access-policy';
import { assertAssigned } from './command-scope';

/** The parts of a request a scope rule may look at. */
export interface ScopedRequest {
  params: Record<string, string | undefined>;
  query: Record<string, unknown>;
  body: unknown;
}

/**
 * Applies a grant's scope rule to one request, throwing the refusal. Outsiders (prescribers, funders)
 * get the same 404 for "not yours" as for "does not exist": they must not learn what the association
 * holds. Staff get a 403 that says why.
 */
@Injectable()
export class ScopeChecker {
  constructor(private readonly modules: ModuleRef) {}

  async check(rule: ScopeRule, principal: Principal, request: ScopedRequest): Promise<void> {
    switch (rule) {
      case 'any':
        return;
      case 'assigned': {
        // A command repeats this check on the state it decides on (assertCommandScope in the runner),
        // so it may be made on the cached snapshot; a read must see the stream as stored.
        const context = await this.trajectoryContext(request.params.id, request.params.command !== undefined);
        if (context) assertAssigned(context, principal);
        return;
      }
      case 'sent-by-me': {
        const context = await this.trajectoryContext(request.params.id);
        if (context && !hasScope(principal, 'prescriber', context.prescriber?.id)) throw trajectoryNotFound(request.params.id);
        return;
      }
      case 'saisine-from-me': {
        const prescriber = (request.body as { prescriber?: { id?: unknown } } | undefined)?.prescriber;
        if (!hasScope(principal, 'prescriber', prescriber?.id)) {
          throw new Forbidden('A prescriber sends saisines in its own name: prescriber.id must be one of your prescriber:<id> scopes.', 'prescriber-scope');
        }
        return;
      }
      case 'own-caseload': {
        const asked = request.query.referent;
        if (asked !== undefined && asked !== '' && asked !== principal.id) {
          throw new Forbidden('A referent reads only their own caseload.', 'own-caseload-only');
        }
        // Narrow the query the controller is about to run, rather than trusting every controller to.
        request.query.referent = principal.id;
        return;
      }
      case 'funder-convention': {
        const id = request.params.id ?? '';
        const db = this.modules.get<ProjectionDatabase>(PROJECTIONS_DATABASE, { strict: false });
        const convention = await getConvention(db, id);
        const funders = [convention.funder, ...convention.funderShares.map((s) => s.funder)];
        if (!funders.some((f) => hasScope(principal, 'funder', f))) {
          throw new ConventionNotFound(id);
        }
        return;
      }
      case 'validator-of': {
        const context = await this.trajectoryContext(request.params.id);
        if (context && !hasScope(principal, 'validator', context.programme?.validation?.validatorId)) throw trajectoryNotFound(request.params.id);
        return;
      }
      case 'relais-partner': {
        const context = await this.trajectoryContext(request.params.id);
        if (context && !hasScope(principal, 'partner', context.relais?.partnerId)) throw trajectoryNotFound(request.params.id);
        return;
      }
      case 'on-written-decision': {
        const decision = (request.body as { writtenDecision?: unknown } | undefined)?.writtenDecision;
        if (decision === undefined || decision === null) {
          throw new Forbidden(
            'A coordinator records a validator’s decision only on its written decision: give writtenDecision { reference, decidedOn }.',
            'written-decision-required',
          );
        }
        return;
      }
      case 'own-lists':
        // The controller reads the caller's own scopes and answers nothing else.
        return;
      case 'funder-path': {
        const funder = request.params.funder ?? '';
        if (!hasScope(principal, 'funder', funder)) throw new FeedForbidden(funder);
        return;
      }
    }
  }

  /** Undefined when the id is not a trajectory id: the route's own validation answers that (400). */
  private async trajectoryContext(id: string | undefined, cachedIsEnough = false) {
    if (!id || !isUuid(id)) return undefined;
    const runner = this.modules.get<TrajectoryRunner>(TRAJECTORY_RUNNER, { strict: false });
    const streamId = trajectoryStreamId(id.toLowerCase());
    const cached = cachedIsEnough ? await runner.peek(streamId) : undefined;
    return (cached ?? (await runner.load(streamId)).snapshot).context;
  }
}

function hasScope(principal: Principal, kind: string, value: unknown): boolean {
  return typeof value === 'string' && value !== '' && scopeValues({ ...principal, scopes: principal.scopes ?? [] }, kind).includes(value);
}

function trajectoryNotFound(id: string | undefined): NotFoundError {
  return new NotFoundError('trajectory-not-found', `There is no trajectory trajectory-${id ?? ''}.`);
}
