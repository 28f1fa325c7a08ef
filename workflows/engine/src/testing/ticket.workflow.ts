import { assign, setup } from 'xstate';
import type { MachineEvent } from '../domain-event';
import { guardsFrom, type RuleBook } from '../rule';
import { UpcasterRegistry } from '../upcaster';
import type { CommandHandler, WorkflowDefinition } from '../workflow-definition';

/** A tiny workflow for the engine's own tests: a ticket that collects points up to a limit. */
export interface TicketContext {
  openedOn?: string;
  total: number;
  frozen: boolean;
}

type E = MachineEvent;

export function ticketRules(limit: number): RuleBook<TicketContext, E> {
  return {
    canAdd: [
      { code: 'ticket-frozen', reason: 'The ticket is frozen.', holds: (c) => !c.frozen, reads: 'context' },
      {
        code: 'limit-exceeded',
        reason: (c, e) => `Adding ${(e.data as { n: number }).n} would pass the limit of ${limit} (now ${c.total}).`,
        requirement: `The total stays within ${limit}.`,
        holds: (c, e) => c.total + (e.data as { n: number }).n <= limit,
      },
    ],
  };
}

export function ticketWorkflow(version = 1, limit = 10): WorkflowDefinition<TicketContext> {
  const rules = ticketRules(limit);
  const machine = setup({
    types: { context: {} as TicketContext, events: {} as E },
    guards: guardsFrom(rules),
    actions: {
      open: assign(({ event }) => ({ openedOn: event.occurredAt })),
      add: assign(({ context, event }) => ({ total: context.total + (event.data as { n: number }).n })),
      freeze: assign(() => ({ frozen: true })),
    },
  }).createMachine({
    id: 'ticket',
    context: { total: 0, frozen: false },
    initial: 'new',
    states: {
      new: { on: { TicketOpened: { target: 'open', actions: 'open' } } },
      open: {
        on: {
          PointsAdded: { guard: 'canAdd', actions: 'add' },
          TicketFrozen: { actions: 'freeze' },
          TicketClosed: { target: 'closed' },
        },
      },
      closed: { type: 'final' },
    },
  });
  const simple = (type: string): CommandHandler<TicketContext> => ({ produces: [type], decide: () => ({ events: [{ type, data: {} }] }) });
  return {
    name: 'ticket',
    version,
    machine,
    rules,
    creationCommands: ['open'],
    upcasters: new UpcasterRegistry().register('PointsAdded', 0, (data) => ({ n: (data as { points: number }).points })),
    commands: {
      open: { produces: ['TicketOpened'], decide: () => ({ events: [{ type: 'TicketOpened', data: { workflowVersion: version } }] }) },
      add: {
        produces: ['PointsAdded'],
        decide: ({ payload }) => {
          const n = (payload as { n?: unknown }).n;
          if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) {
            return { refusal: { code: 'invalid-payload', kind: 'invalid', reason: 'n must be a positive whole number', fields: [{ field: 'n', reason: 'positive whole number' }] } };
          }
          return { events: [{ type: 'PointsAdded', data: { n } }] };
        },
      },
      freeze: simple('TicketFrozen'),
      close: simple('TicketClosed'),
    },
    stageOf: (value) => String(value),
    openedOn: (c) => c.openedOn,
  };
}
