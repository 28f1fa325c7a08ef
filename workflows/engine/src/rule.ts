import type { CalendarDate } from '../../../libs/domain/src';

/**
 * What a rule reads, which tells the engine how far it can check it before the command is run:
 * - `context`: the state alone, checked as it is;
 * - `date`: the state and the command's business date, checked for the date asked about;
 * - `payload` (the default): the command's payload too; the command is offered when some payload
 *   can satisfy it (`satisfiable`), and the rule is listed among what the command requires.
 */
export type RuleReads = 'context' | 'date' | 'payload';

interface RuleBase<TContext, TEvent> {
  /** Stable kebab-case code, e.g. 'bilan-required'. */
  code: string;
  holds(context: TContext, event: TEvent): boolean;
  /** Default `payload`. */
  reads?: RuleReads;
  /**
   * For a payload rule: can some payload satisfy it in this state on this date? (e.g. record-point
   * needs an active brique to name). Absent: some payload always can.
   */
  satisfiable?(context: TContext, on: CalendarDate): boolean;
  /**
   * A routing rule only chooses between transitions for the same event (e.g. the diagnostic's
   * outcome picks the target); its failure is never reported as the refusal reason.
   */
  route?: boolean;
  /**
   * The rule never holds: its transition exists only so that the refusal names the real reason
   * (e.g. a relais closes only when the partner confirms). It is never offered nor drawn.
   */
  alwaysRefuses?: boolean;
}

/**
 * The words of a rule. `reason` answers a refusal and may name the instance's facts; `requirement`
 * states the rule without them, for allowedCommands' requirements and the generated docs. A
 * reason computed from the state needs a requirement written out.
 */
type RuleText<TContext, TEvent> =
  | { reason: string; requirement?: string }
  | { reason: (context: TContext, event: TEvent) => string; requirement: string };

/**
 * A rule is one reason a transition may be refused. Guards are built from rules so that, when the
 * machine refuses an event, the engine can say which rule failed with a stable code and a message a
 * coordinator understands (XState guards only answer true/false).
 */
export type Rule<TContext, TEvent> = RuleBase<TContext, TEvent> & RuleText<TContext, TEvent>;

export type RuleBook<TContext, TEvent, TGuard extends string = string> = Readonly<Record<TGuard, readonly Rule<TContext, TEvent>[]>>;

export interface RuleFailure {
  code: string;
  reason: string;
}

/** The rule as a person reads it, without the instance's facts. */
export function requirementOf<C, E>(rule: Rule<C, E>): string {
  return rule.requirement ?? (rule.reason as string);
}

export const readsOf = <C, E>(rule: Rule<C, E>): RuleReads => rule.reads ?? 'payload';

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

/**
 * XState guard implementations for every named rule list of a book, keyed by the book's own guard
 * names: given to `setup({ guards })`, a transition naming a guard the book lacks fails to compile.
 */
export function guardsFrom<C, E, G extends string>(book: RuleBook<C, E, G>): Record<G, (args: { context: C; event: E }) => boolean> {
  const guards = {} as Record<G, (args: { context: C; event: E }) => boolean>;
  for (const name of Object.keys(book) as G[]) {
    const rules = book[name];
    guards[name] = ({ context, event }) => rules.every((rule) => rule.holds(context, event));
  }
  return guards;
}
