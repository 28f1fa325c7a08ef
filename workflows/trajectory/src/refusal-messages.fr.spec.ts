import { describeTrajectoryCommands } from './commands/command-descriptions';
import { REFUSAL_MESSAGES_FR } from './refusal-messages.fr';

describe('French refusal messages', () => {
  it('has a French sentence for every refusal code a trajectory command may answer', () => {
    const codes = new Set(describeTrajectoryCommands().flatMap((c) => c.refusals));
    expect([...codes].filter((code) => !REFUSAL_MESSAGES_FR[code])).toEqual([]);
  });
});
