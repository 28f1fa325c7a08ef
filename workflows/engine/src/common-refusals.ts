/**
 * What decide() checks for every workflow before its rules, with the codes it answers. Listed for
 * the generated docs; decide.spec proves each is answered.
 */
export function commonRefusals(workflow: string, closedCode = `${workflow}-closed`): { code: string; requirement: string }[] {
  return [
    { code: 'unknown-command', requirement: `The command is one of the ${workflow}'s.` },
    { code: closedCode, requirement: `The ${workflow} is not closed: nothing more is recorded on a closed one.` },
    { code: 'invalid-occurred-at', requirement: 'occurredAt is a calendar date (YYYY-MM-DD) or an ISO instant.' },
    { code: 'occurred-before-minimum', requirement: 'occurredAt is not before the earliest date the service records (OCCURRED_AT_MIN).' },
    { code: 'occurred-in-future', requirement: 'occurredAt is not after today in Europe/Paris.' },
    { code: 'occurred-before-opening', requirement: `occurredAt is not before the ${workflow} opened.` },
    { code: 'command-not-allowed', requirement: 'The current stage takes the command at all.' },
  ];
}
