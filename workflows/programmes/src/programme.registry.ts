import type { Programme } from './programme';

/** The programmes known at start-up, by code. */
export class ProgrammeRegistry {
  private readonly byCode = new Map<string, Programme>();

  constructor(programmes: readonly Programme[] = []) {
    programmes.forEach((p) => this.register(p));
  }

  register(programme: Programme): this {
    if (this.byCode.has(programme.code)) throw new Error(`Programme ${programme.code} is registered twice`);
    this.byCode.set(programme.code, programme);
    return this;
  }

  get(code: string): Programme | undefined {
    return this.byCode.get(code);
  }

  has(code: string): boolean {
    return this.byCode.has(code);
  }

  all(): Programme[] {
    return [...this.byCode.values()];
  }
}
