/**
 * Old event shapes are upcast on read, never rewritten in place (architecture §2). An upcaster
 * lifts one (type, schemaVersion) to schemaVersion + 1; the engine chains them until none applies.
 */
export type Upcaster = (data: unknown) => unknown;

export interface StoredShape {
  type: string;
  schemaVersion: number;
  data: unknown;
}

export class UpcasterRegistry {
  private readonly upcasters = new Map<string, Upcaster>();

  register(type: string, fromSchemaVersion: number, upcaster: Upcaster): this {
    const key = `${type}@${fromSchemaVersion}`;
    if (this.upcasters.has(key)) throw new Error(`An upcaster for ${key} is already registered`);
    this.upcasters.set(key, upcaster);
    return this;
  }

  /**
   * The schema version new events of a type are written at: one past the newest registered
   * upcaster's source, else `base`. Registering the 1 -> 2 upcaster is what moves the writer to 2.
   */
  currentSchemaVersion(type: string, base = 1): number {
    let version = base;
    while (this.upcasters.has(`${type}@${version}`)) version += 1;
    return version;
  }

  upcast<T extends StoredShape>(event: T): T {
    let current = event;
    for (;;) {
      const upcaster = this.upcasters.get(`${current.type}@${current.schemaVersion}`);
      if (!upcaster) return current;
      current = { ...current, schemaVersion: current.schemaVersion + 1, data: upcaster(current.data) };
    }
  }
}
