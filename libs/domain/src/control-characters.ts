/**
 * Characters that steer how text is shown instead of being shown: C0 and C1 controls, DEL, line and
 * paragraph separators, and the bidirectional overrides (which can make a terminal line read other
 * than it is). Input carrying one is refused; output that must show untrusted text escapes them.
 */
const CONTROL = /[\p{Cc}\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;
const CONTROL_ALL = new RegExp(CONTROL.source, 'gu');

export function hasControlCharacter(text: string): boolean {
  return CONTROL.test(text);
}

/**
 * Each control character becomes a visible \uXXXX (the form JSON also reads, so escaped JSON text
 * stays JSON); everything else is kept as is.
 */
export function escapeControlCharacters(text: string): string {
  return text.replace(CONTROL_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
