import type { BriqueRegistry } from '../../briques/src';
import type { ProgrammeRegistry } from '../../programmes/src';

/** What the trajectory's command handlers look up: they never read files or the network. */
export interface TrajectoryDeps {
  programmes: ProgrammeRegistry;
  briques: BriqueRegistry;
}
