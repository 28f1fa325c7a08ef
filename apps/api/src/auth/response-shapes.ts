import { scopeValues } from '../../../../libs/auth/src';
import type { Principal } from '../principal/principal';
import type { CommandResultView, EventView, TrajectoryView } from '../trajectories/views/trajectory.views';
import type { ResponseShape } from './access-policy';

/**
 * The narrower answers of the access policy. Each one is an allow-list: a field added to a view
 * later stays hidden from the front desk and from outsiders until someone adds it here on purpose.
 */
export function shapeResponse(shape: ResponseShape, body: unknown, principal: Principal): unknown {
  switch (shape) {
    case 'trajectory:front-desk':
      return frontDeskTrajectory(expectObject<TrajectoryView>(body, shape));
    case 'trajectory:stage-only': {
      const view = expectObject<TrajectoryView>(body, shape);
      return { id: view.id, stage: view.stage, status: view.status };
    }
    case 'result:front-desk':
      return frontDeskResult(expectObject<CommandResultView>(body, shape));
    case 'result:stage-only': {
      const result = expectObject<CommandResultView>(body, shape);
      return { trajectoryId: result.trajectoryId, stage: result.stage, status: result.status };
    }
    case 'conventions:own': {
      if (!Array.isArray(body)) throw new ShapeMismatch(shape);
      const mine = new Set(scopeValues({ ...principal, scopes: principal.scopes ?? [] }, 'funder'));
      return (body as { funder?: string; funderShares?: { funder: string }[] }[]).filter(
        (c) => (c.funder !== undefined && mine.has(c.funder)) || (c.funderShares ?? []).some((s) => mine.has(s.funder)),
      );
    }
    case 'caseload:own': {
      const page = expectObject<{ counts?: { byReferent?: { referentId: string | null }[] } }>(body, shape);
      if (!page.counts?.byReferent) return page;
      return { ...page, counts: { ...page.counts, byReferent: page.counts.byReferent.filter((r) => r.referentId === principal.id) } };
    }
  }
}

/**
 * The front desk registers saisines and books first contacts (domain.md §1): it sees where a
 * trajectory stands and who follows it, never the diagnostic, the contract, the evaluation, notes,
 * suspension reasons or anything identifying.
 */
function frontDeskTrajectory(view: TrajectoryView) {
  const details = view.details ?? {};
  return {
    id: view.id,
    version: view.version,
    stage: view.stage,
    status: view.status,
    workflowVersion: view.workflowVersion,
    ...(view.openedOn !== undefined ? { openedOn: view.openedOn } : {}),
    referent: view.referent,
    programme: view.programme,
    ...(view.conventionId !== undefined ? { conventionId: view.conventionId } : {}),
    nextDeadlines: view.nextDeadlines,
    allowedCommands: view.allowedCommands,
    commandRequirements: view.commandRequirements,
    details: {
      ...(details.prescriber ? { prescriber: details.prescriber } : {}),
      motives: details.motives,
      cycle: details.cycle,
      ...(details.firstContact ? { firstContact: details.firstContact } : {}),
    },
  };
}

function frontDeskResult(result: CommandResultView) {
  return {
    trajectoryId: result.trajectoryId,
    stage: result.stage,
    status: result.status,
    version: result.version,
    allowedCommands: result.allowedCommands,
    events: (result.events ?? []).map(withoutPersonalData),
  };
}

function withoutPersonalData(event: EventView): EventView {
  const data = event.data;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return event;
  const { personal: _personal, ...rest } = data as Record<string, unknown>;
  return { ...event, data: rest };
}

/** A shape applied to something else than it expects must not fall back to the whole answer. */
export class ShapeMismatch extends Error {
  constructor(shape: ResponseShape) {
    super(`Response shape ${shape} does not fit the answer of this route; refusing to send it.`);
  }
}

function expectObject<T>(body: unknown, shape: ResponseShape): T {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new ShapeMismatch(shape);
  return body as T;
}
