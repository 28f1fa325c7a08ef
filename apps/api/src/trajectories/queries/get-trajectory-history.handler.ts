import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFoundError, parisDate, type CalendarDate } from '../../../../../libs/domain/src';
import type { EventStore } from '../../../../../libs/event-store/src/event-store.port';
import { commandOffersOf, foldAsOf, occurredOn, type RecordedEvent, type WorkflowRegistry } from '../../../../../workflows/engine/src';
import { trajectoryFactsOf, type TrajectoryContext } from '../../../../../workflows/trajectory/src';
import { EVENT_STORE } from '../../store/store.tokens';
import type { Catalogue } from '../catalogue';
import { CATALOGUE, TRAJECTORY_REGISTRY } from '../trajectory.tokens';
import { foldTrajectory, readVerifiedTrajectory } from '../verified-stream.reader';
import { eventView, integrityView, trajectoryView, type IntegrityView } from '../views/trajectory.views';
import { GetTrajectoryHistoryQuery, type TrajectoryHistoryView } from './get-trajectory-history.query';

@QueryHandler(GetTrajectoryHistoryQuery)
export class GetTrajectoryHistoryHandler implements IQueryHandler<GetTrajectoryHistoryQuery> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(TRAJECTORY_REGISTRY) private readonly registry: WorkflowRegistry<TrajectoryContext>,
    @Inject(CATALOGUE) private readonly catalogue: Catalogue,
  ) {}

  async execute(query: GetTrajectoryHistoryQuery): Promise<TrajectoryHistoryView> {
    const { events: all, integrity: chain } = await readVerifiedTrajectory(this.store, query.trajectoryId);
    // The whole stream's chain, also with ?at=: a break after that instant is still a break in what is stored.
    const integrity = integrityView(chain);
    if (query.asOf) return this.asOf(query.trajectoryId, all, query.asOf, integrity);
    if (!query.at) {
      return { trajectoryId: query.trajectoryId, version: all[all.length - 1].version, integrity, events: all.map(eventView) };
    }
    // recordedAt, not occurredAt: "as it stood then" is what the system knew then, including
    // facts recorded late about earlier dates. Versions are gap-free, so a prefix folds cleanly.
    const limit = query.at.getTime();
    const events = all.filter((e) => Date.parse(e.metadata.recordedAt) <= limit);
    if (events.length === 0) {
      throw new NotFoundError('trajectory-not-found', `Trajectory ${query.trajectoryId} did not exist yet at ${query.at.toISOString()}.`);
    }
    const then = parisDate(query.at);
    const { snapshot, offers, facts } = foldTrajectory(this.registry, events, then);
    const state = trajectoryView(query.trajectoryId, snapshot, offers, this.catalogue, then, integrity, facts);
    return {
      trajectoryId: query.trajectoryId,
      at: query.at.toISOString(),
      selectedBy: 'recordedAt',
      version: snapshot.version,
      integrity,
      events: events.map(eventView),
      state,
    };
  }

  /**
   * occurredAt, not recordedAt: what had happened by that day, including facts recorded later about
   * earlier dates ("the situation at the last committee"). The deadlines' statuses are decided
   * against that day.
   */
  private asOf(trajectoryId: string, all: RecordedEvent[], asOf: CalendarDate, integrity: IntegrityView): TrajectoryHistoryView {
    const definition = this.registry.forStream(all);
    const { snapshot, applied, notApplied } = foldAsOf(definition, all, asOf);
    if (applied.length === 0) {
      throw new NotFoundError('trajectory-not-found', `Trajectory ${trajectoryId} had not opened yet on ${asOf} (it opened on ${occurredOn(all[0])}).`);
    }
    const version = applied[applied.length - 1].version;
    // The state's version is the stream version of the last event it includes, as with ?at=.
    const then = { ...snapshot, version };
    const offers = commandOffersOf(definition, then, asOf);
    const state = trajectoryView(trajectoryId, then, offers, this.catalogue, asOf, integrity, trajectoryFactsOf(applied));
    return {
      trajectoryId,
      asOf,
      selectedBy: 'occurredAt',
      version,
      integrity,
      events: applied.map(eventView),
      ...(notApplied.length ? { notApplied } : {}),
      state,
    };
  }
}
