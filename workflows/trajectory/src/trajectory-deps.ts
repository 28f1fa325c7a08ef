import type { BriqueRegistry } from '../../briques/src';
import type { ProgrammeRegistry } from '../../programmes/src';
import type { ConventionDirectory } from './convention-directory';

/** What the trajectory's command handlers look up: they never read files or the network. */
export interface TrajectoryDeps {
  programmes: ProgrammeRegistry;
  briques: BriqueRegistry;
  /** The conventions (funder read model), read by receive-saisine, draft-contract and choose-scale; none known when absent. */
  conventions?: ConventionDirectory;
}
