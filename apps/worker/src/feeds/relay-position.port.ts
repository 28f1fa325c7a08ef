/** The sequence of the last record a relay has seen acknowledged. */
export interface RelayPositionStore {
  /** 0 when the relay has never published. */
  load(relay: string): Promise<number>;
  /**
   * Compare-and-set from `from` to `to`: throws RelayFenced when the stored position is no longer
   * `from` (another relay moved it), so a relay that lost its lock never moves it backwards.
   */
  save(relay: string, from: number, to: number): Promise<void>;
}

export class RelayFenced extends Error {
  readonly code = 'relay-fenced';
  constructor(
    readonly relay: string,
    readonly expected: number,
  ) {
    super(`Relay ${relay} is no longer at ${expected}: another relay moved its position; it reloads and goes on from there.`);
  }
}
