import { escapeControlCharacters } from '../../../libs/domain/src';

/** How the CLI rewrites its progress line in a terminal: back to the line start, text, erase the rest. */
const LINE_START = '\r';
const ERASE_TO_END = '\x1b[K';

/**
 * Every byte the CLI prints goes through here (runCli wraps the commands' io with it): stored data
 * (an actor id, a note, a programme name) reaches an auditor's terminal with its control characters
 * shown as \uXXXX, never obeyed. Kept: line ends, and the CLI's own progress-line rewrite.
 */
export function terminalSafe(text: string): string {
  const rewrite = text.startsWith(LINE_START) && text.endsWith(ERASE_TO_END);
  const body = rewrite ? text.slice(LINE_START.length, -ERASE_TO_END.length) : text;
  const safe = body.split('\n').map(escapeControlCharacters).join('\n');
  return rewrite ? `${LINE_START}${safe}${ERASE_TO_END}` : safe;
}
