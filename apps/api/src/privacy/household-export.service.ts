import { Inject, Injectable } from '@nestjs/common';
import type { KeyStore } from '../../../../libs/crypto/src';
import { NotFoundError, parisDate, trajectoryIdOf, type Clock } from '../../../../libs/domain/src';
import type { EventStore, RecordedEvent, VerifiedStream } from '../../../../libs/event-store/src/event-store.port';
import { householdStreamId, type HouseholdErasedData } from '../../../../libs/privacy/src';
import { commandOffersOf, fold } from '../../../../workflows/engine/src';
import { createTrajectoryRegistry, trajectoryFactsOf } from '../../../../workflows/trajectory/src';
import type { AccessLog } from '../audit/access-log.repository';
import { ACCESS_LOG } from '../auth/auth.tokens';
import type { RequestContext } from '../principal/request-context';
import { CLOCK, EVENT_STORE } from '../store/store.tokens';
import type { Catalogue } from '../trajectories/catalogue';
import { CATALOGUE } from '../trajectories/trajectory.tokens';
import { readVerified } from '../trajectories/verified-stream.reader';
import { eventView, integrityView, trajectoryView, type EventView, type TrajectoryView } from '../trajectories/views/trajectory.views';
import { KEY_STORE } from './privacy.tokens';

export interface HouseholdExport {
  householdId: string;
  exportedAt: string;
  /** live: held and readable below; erased: destroyed, every personal field reads { $erased: true }; none: never written. */
  personalData: 'live' | 'erased' | 'none';
  erasure?: HouseholdErasedData;
  trajectories: { id: string; state: TrajectoryView; events: EventView[] }[];
  /** The household's own stream (the erasure record). */
  householdEvents: EventView[];
}

/** Every machine version: a trajectory is shown through the version it recorded. */
const VERSIONS = [1, 2];

/**
 * Everything held about one household (right of access, GDPR art. 15): each trajectory's current
 * state and every event with its personal data opened. Each trajectory read is written to the
 * access log before the answer leaves, as for any read of personal data.
 */
@Injectable()
export class HouseholdExportService {
  private readonly registry;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(KEY_STORE) private readonly keys: KeyStore,
    @Inject(CATALOGUE) private readonly catalogue: Catalogue,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ACCESS_LOG) private readonly accessLog: AccessLog,
  ) {
    this.registry = createTrajectoryRegistry({ programmes: catalogue.programmes, briques: catalogue.briques }, { versions: VERSIONS });
  }

  async export(householdId: string, ctx: RequestContext): Promise<HouseholdExport> {
    const [streams, status] = await Promise.all([this.keys.streamsOf(householdId), this.keys.status(householdId)]);
    if (streams.length === 0 && status === 'unknown') {
      throw new NotFoundError('household-not-found', `Nothing is held about household ${householdId}.`);
    }
    const now = this.clock.now();
    const trajectories: HouseholdExport['trajectories'] = [];
    let householdEvents: RecordedEvent[] = [];
    for (const streamId of streams) {
      const { events, integrity } = await this.read(streamId);
      if (streamId === householdStreamId(householdId)) {
        householdEvents = events;
        continue;
      }
      const id = trajectoryIdOf(streamId);
      if (!id || events.length === 0) continue;
      const definition = this.registry.forStream(events);
      const snapshot = fold(definition, events);
      trajectories.push({
        id,
        state: trajectoryView(id, snapshot, commandOffersOf(definition, snapshot, parisDate(now)), this.catalogue, parisDate(now), integrityView(integrity), trajectoryFactsOf(events)),
        events: events.map(eventView),
      });
    }
    // Logged before it leaves: if the log cannot be written, the data is not sent.
    for (const t of trajectories) {
      await this.accessLog.record({
        at: now.toISOString(),
        actor: { id: ctx.actor.id, role: ctx.actor.role },
        trajectoryId: t.id,
        resource: 'household-export',
        correlationId: ctx.correlationId,
      });
    }
    const erasure = householdEvents.find((e) => e.type === 'HouseholdErased')?.data as HouseholdErasedData | undefined;
    return {
      householdId,
      exportedAt: now.toISOString(),
      personalData: status === 'live' ? 'live' : status === 'destroyed' ? 'erased' : 'none',
      ...(erasure ? { erasure } : {}),
      trajectories,
      householdEvents: householdEvents.map(eventView),
    };
  }

  private async read(streamId: string): Promise<VerifiedStream> {
    try {
      return await readVerified(this.store, streamId);
    } catch (error) {
      // A link is written before its first append: a refused append leaves a stream that never was.
      if ((error as { code?: unknown }).code === 'stream-not-found') return { events: [], integrity: { streamId, ok: true, eventsChecked: 0 } };
      throw error;
    }
  }
}
