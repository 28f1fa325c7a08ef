import { readFileSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat's start time: 100 on every Linux build Node runs on. */
const CLOCK_TICKS = 100;
let bootTime: number | undefined | null;

/**
 * When a process started, from /proc (Linux); undefined elsewhere or when it does not run. A pid
 * alone does not name a process for long: pids are reused, and a container's API is always pid 1.
 */
export function processStartTime(pid: number): Date | undefined {
  const boot = bootSeconds();
  if (boot === undefined) return undefined;
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // The command name (field 2) is in parentheses and may hold spaces: count fields after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[19]);
  if (!Number.isFinite(ticks)) return undefined;
  return new Date(Math.round((boot + ticks / CLOCK_TICKS) * 1000));
}

function bootSeconds(): number | undefined {
  if (bootTime === undefined) {
    try {
      const line = /^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'));
      bootTime = line ? Number(line[1]) : null;
    } catch {
      bootTime = null;
    }
  }
  return bootTime ?? undefined;
}
