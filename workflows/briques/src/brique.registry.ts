import type { BriqueDefinition } from './brique';

/** The brique types an installation knows: the national catalogue plus its own plugins. */
export class BriqueRegistry {
  private readonly byCode = new Map<string, BriqueDefinition>();

  constructor(definitions: readonly BriqueDefinition[] = []) {
    definitions.forEach((d) => this.register(d));
  }

  register(definition: BriqueDefinition): this {
    if (this.byCode.has(definition.code)) throw new Error(`Brique ${definition.code} is registered twice`);
    this.byCode.set(definition.code, definition);
    return this;
  }

  get(code: string): BriqueDefinition | undefined {
    return this.byCode.get(code);
  }

  has(code: string): boolean {
    return this.byCode.has(code);
  }

  all(): BriqueDefinition[] {
    return [...this.byCode.values()];
  }
}
