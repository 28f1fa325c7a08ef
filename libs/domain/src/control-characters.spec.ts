import { escapeControlCharacters, hasControlCharacter } from './control-characters';

describe('control characters', () => {
  it.each(['\u0000', 'a\u0007', '\u001b[2J', '\n', '\t', '\u007f', '\u0085', '\u009b', '\u2028', '\u202e', '\u2066'])('finds %j', (text) => {
    expect(hasControlCharacter(text)).toBe(true);
  });

  it.each(['', 'referent-1', 'Émilie Dupont', '😀', 'a b', "' OR 1=1 --"])('lets %j through', (text) => {
    expect(hasControlCharacter(text)).toBe(false);
    expect(escapeControlCharacters(text)).toBe(text);
  });

  it('shows each one as \\uXXXX, which JSON reads back as the same text', () => {
    const text = 'r\u001b[31m\u0000\u009b\u202eé';
    const escaped = escapeControlCharacters(text);
    expect(escaped).toBe('r\\u001b[31m\\u0000\\u009b\\u202eé');
    expect(hasControlCharacter(escaped)).toBe(false);
    expect(JSON.parse(`"${escaped}"`)).toBe(text);
  });
});
