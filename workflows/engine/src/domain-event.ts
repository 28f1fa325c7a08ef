import type { CalendarDate } from '../../../libs/domain/src';

/** A domain fact before it is wrapped in a store envelope. */
export interface DomainEvent<T extends string = string, D = unknown> {
  type: T;
  data: D;
}

/**
 * What the machine receives. Machine events ARE the domain events (ADR 0003): replay feeds the
 * stored events through the machine, and decide() checks a command by feeding it the candidate
 * events. `occurredAt` comes from the envelope's metadata so guards about dates stay pure.
 */
export interface MachineEvent<T extends string = string, D = unknown> extends DomainEvent<T, D> {
  occurredAt: CalendarDate;
}
