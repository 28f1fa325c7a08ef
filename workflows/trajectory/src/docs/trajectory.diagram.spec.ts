import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { renderTrajectoryDiagramDoc, TRAJECTORY_DIAGRAM_PATH } from './trajectory.diagram';

describe('docs/workflows/trajectory.md', () => {
  it('is up to date with the machine (run `npm run docs:workflows` after changing it)', () => {
    const committed = readFileSync(resolve(__dirname, '../../../..', TRAJECTORY_DIAGRAM_PATH), 'utf8');
    expect(committed).toBe(renderTrajectoryDiagramDoc());
  });

  it('shows every stage and the guarded transitions', () => {
    const doc = renderTrajectoryDiagramDoc();
    for (const stage of ['saisine', 'diagnostic', 'contract', 'briques', 'evaluation', 'relais', 'veille', 'closed', 'suspended']) expect(doc).toContain(stage);
    expect(doc).toContain('contract --> briques : MeasureStarted (sign-contract) [canStartMeasure]');
    expect(doc).toContain('veille --> diagnostic : TrajectoryReopened (reopen)');
    expect(doc).toContain('closed --> [*]');
  });
});
