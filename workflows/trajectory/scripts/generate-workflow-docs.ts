import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { renderTrajectoryDiagramDoc, TRAJECTORY_DIAGRAM_PATH } from '../src/docs/trajectory.diagram';

// `npm run docs:workflows` runs from the repository root.
const target = resolve(process.cwd(), TRAJECTORY_DIAGRAM_PATH);
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, renderTrajectoryDiagramDoc());
console.log(`wrote ${TRAJECTORY_DIAGRAM_PATH}`);
