/**
 * Adds `allowedCommands`, computed on first read and then kept: asking the machine about every
 * command costs more than the rest of a decision, and only some answers show the list (a command's
 * answer does, a refusal computes its own, most loads never read it).
 */
export function withLazyAllowedCommands<T extends object>(target: T, compute: () => string[]): T & { readonly allowedCommands: string[] } {
  let computed: string[] | undefined;
  // Enumerable, so a spread or JSON.stringify of the result still carries the list.
  return Object.defineProperty(target, 'allowedCommands', { get: () => (computed ??= compute()), enumerable: true, configurable: true }) as T & {
    readonly allowedCommands: string[];
  };
}
