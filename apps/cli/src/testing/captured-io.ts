import type { CliIo } from '../cli-command';

export type CapturedIo = CliIo & { stdout: string; stderr: string };

/** A CliIo that keeps what a command printed, for specs that run commands in-process. */
export function capturedIo(env: NodeJS.ProcessEnv = {}, interactive = false): CapturedIo {
  const io: CapturedIo = {
    stdout: '',
    stderr: '',
    env,
    interactive,
    out: (t: string) => void (io.stdout += t),
    err: (t: string) => void (io.stderr += t),
  };
  return io;
}
