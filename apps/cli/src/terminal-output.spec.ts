import { runCli } from './cli';
import type { CliCommand } from './cli-command';
import { capturedIo } from './testing/captured-io';
import { terminalSafe } from './terminal-output';

describe('terminal output', () => {
  it('escapes control characters but keeps line ends and the progress-line rewrite', () => {
    expect(terminalSafe('actor referent-1\u001b[2K\u0007\r\n')).toBe('actor referent-1\\u001b[2K\\u0007\\u000d\n');
    expect(terminalSafe('\r[3/10] caseload\u001b[K')).toBe('\r[3/10] caseload\u001b[K');
    expect(terminalSafe('\rnote \u001b]0;owned\u0007 done\u001b[K')).toBe('\rnote \\u001b]0;owned\\u0007 done\u001b[K');
    expect(terminalSafe('\u202eevil')).toBe('\\u202eevil');
  });

  it('is applied by the dispatcher to everything a command prints, on stdout and stderr', async () => {
    const hostile: CliCommand = {
      name: 'echo',
      summary: 'prints stored text',
      usage: 'usage: echo',
      run: async (_args, io) => {
        io.out('by \u001b[31mreferent\u0000\n');
        io.err('warning \u009b\n');
        throw new Error('failed on \u001b[2J');
      },
    };
    const io = capturedIo();
    expect(await runCli(['echo'], [hostile], io)).toBe(1);
    expect(io.stdout).toBe('by \\u001b[31mreferent\\u0000\n');
    expect(io.stderr).toBe('warning \\u009b\nerror: echo failed: failed on \\u001b[2J\n');
  });
});
