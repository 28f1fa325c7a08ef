/**
 * A rule is one reason a transition may be refused. Guards are built from rules so that, when the
 * machine refuses an event, the engine can say which rule failed with a stable code and a message a
 * coordinator understands (XState guards only answer true/false).
 */
export interface Rule<TContext, TEvent> {
  /** Stable kebab-case code, e.g. 'bilan-required'. */
  code: string;
  /** Written for people; may be reworded, clients must rely on `code`. */
  reason: string | ((context: TContext, event: TEvent) => string);
  holds(context: TContext, event: TEvent): boolean;
  /**
   * A routing rule only chooses between transitions for the same event (e.g. the diagnostic's
   * outcome picks the target); its failure is never reported as the refusal reason.
   */
  route?: boolean;
  /**
   * The rule reads the context only, never the event: the engine may then evaluate it without a
   * payload to decide whether a command is worth offering in allowedCommands.
   */
  contextOnly?: boolean;
}

export type RuleBook<TContext, TEvent> = Readonly<Record<string, readonly Rule<TContext, TEvent>[]>>;

export interface RuleFailure {
  code: string;
  reason: string;
}

/** First failing non-route rule, or undefined when all hold. `route` is set when a route rule failed. */
export function firstFailure<C, E>(rules: readonly Rule<C, E>[], context: C, event: E): (RuleFailure & { route?: boolean }) | undefined {
  for (const rule of rules) {
    if (!rule.holds(context, event)) {
      const reason = typeof rule.reason === 'function' ? rule.reason(context, event) : rule.reason;
      return { code: rule.code, reason, route: rule.route };
    }
  }
  return undefined;
}

/** XState guard implementations for every named rule list of a book. */
export function guardsFrom<C, E>(book: RuleBook<C, E>): Record<string, (args: { context: C; event: E }) => boolean> {
  const guards: Record<string, (args: { context: C; event: E }) => boolean> = {};
  for (const [name, rules] of Object.entries(book)) {
    guards[name] = ({ context, event }) => rules.every((rule) => rule.holds(context, event));
  }
  return guards;
}
