import { problem } from './problem-details';
import { localiseProblem, prefersFrench } from './problem-language';

describe('problems in the caller language', () => {
  it.each([
    ['fr', true],
    ['fr-FR,fr;q=0.9,en;q=0.8', true],
    ['en-GB,en;q=0.9,fr;q=0.8', false],
    ['de', false],
    [undefined, false],
  ])('Accept-Language %s prefers French: %s', (header, expected) => {
    expect(prefersFrench(header)).toBe(expected);
  });

  it("gives the code's French sentence as detail and keeps the engine's English reason beside it", () => {
    const refused = problem(409, 'measure-ended', 'The measure ended on 2026-07-31.', '/trajectories/x/commands/record-point');
    expect(localiseProblem(refused, 'fr-FR')).toMatchObject({ code: 'measure-ended', detail: expect.stringMatching(/^La mesure est terminée/), detailEn: 'The measure ended on 2026-07-31.' });
    expect(localiseProblem(refused, 'en')).toBe(refused);
    const unknown = problem(418, 'no-such-code', 'Teapot.', '/x');
    expect(localiseProblem(unknown, 'fr')).toBe(unknown);
  });
});
