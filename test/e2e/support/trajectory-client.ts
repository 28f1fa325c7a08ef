import type { Response } from 'supertest';
import { type Actor, authHeaders } from './auth';
import type { E2eApp } from './e2e-app';

export type { Actor } from './auth';

/** Moves the app's clock to the business date (late morning in Paris), always forwards. */
export function advanceTo(e2e: E2eApp, date: string): void {
  const target = new Date(`${date}T10:00:00Z`).getTime();
  const next = Math.max(target, e2e.clock.now().getTime() + 1000);
  e2e.clock.set(new Date(next));
}

/**
 * One household's trajectory as a client drives it: keeps the id and the last ETag, sends
 * If-Match when asked, and moves the clock to each command's date so recordedAt reads true.
 */
export class TrajectoryClient {
  id = '';
  version = 0;
  /** The saisine's household (given in the body, or as answered when the caller may see it). */
  householdId = '';

  constructor(
    private readonly e2e: E2eApp,
    public actor: Actor = { id: 'referent-1', role: 'referent' },
  ) {}

  async open(body: Record<string, unknown>, actor: Actor = this.actor): Promise<Response> {
    advanceTo(this.e2e, String(body.occurredAt));
    const res = await this.e2e.http().post('/trajectories').set(await authHeaders(actor)).send(body);
    if (res.status !== 201) throw new Error(`receive-saisine failed: ${res.status} ${JSON.stringify(res.body)}`);
    this.id = res.body.trajectoryId;
    this.version = res.body.version;
    this.householdId = String(body.householdId ?? res.body.events?.[0]?.data?.householdId ?? '');
    return res;
  }

  /** Runs a command that must be accepted; returns the response. */
  async run(command: string, body: Record<string, unknown>, options: { ifMatch?: boolean; actor?: Actor } = {}): Promise<Response> {
    const res = await this.send(command, body, options);
    if (res.status !== 200) throw new Error(`${command} failed: ${res.status} ${JSON.stringify(res.body)}`);
    this.version = res.body.version;
    return res;
  }

  /** Sends a command whatever the outcome, for refusals. */
  async send(command: string, body: Record<string, unknown>, options: { ifMatch?: boolean | string; actor?: Actor } = {}): Promise<Response> {
    if (typeof body.occurredAt === 'string') advanceTo(this.e2e, body.occurredAt);
    const req = this.e2e.http().post(`/trajectories/${this.id}/commands/${command}`).set(await authHeaders(options.actor ?? this.actor));
    if (options.ifMatch !== undefined && options.ifMatch !== false) {
      void req.set('if-match', typeof options.ifMatch === 'string' ? options.ifMatch : `"${this.version}"`);
    }
    return req.send(body);
  }

  async state(): Promise<Response> {
    return this.e2e.http().get(`/trajectories/${this.id}`).set(await authHeaders(this.actor));
  }

  async history(at?: string): Promise<Response> {
    const req = this.e2e.http().get(`/trajectories/${this.id}/history`).set(await authHeaders(this.actor));
    return at ? req.query({ at }) : req;
  }
}
