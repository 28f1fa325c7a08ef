/** The trajectory CommandRunner built from the store, the catalogue, the clock and the id source. */
export const TRAJECTORY_RUNNER = Symbol('TrajectoryRunner');
/** Programmes and briques loaded at start-up. */
export const CATALOGUE = Symbol('Catalogue');
export const ID_GENERATOR = Symbol('IdGenerator');
/** Every trajectory workflow version, to fold a stream outside the runner (history ?at=). */
export const TRAJECTORY_REGISTRY = Symbol('TrajectoryRegistry');
/** The runner's snapshot cache (bounded, in this process). */
export const SNAPSHOT_CACHE = Symbol('SnapshotCache');
/** RunnerSettings: the earliest business date, the conflict back-off. */
export const RUNNER_SETTINGS = Symbol('RunnerSettings');
/** The conventions the trajectory commands read (RefreshableConventionDirectory), refreshed before receive-saisine, draft-contract, choose-scale. */
export const CONVENTION_DIRECTORY = Symbol('ConventionDirectory');
