import { chmodSync, lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The embedded data directory holds the events (the WAL among them) and the keys: nobody but its
 * owner may read or write it. PGlite creates files as it goes (WAL segments, relations) with the
 * process umask, so the umask is narrowed for the whole process, and what earlier runs left behind
 * (under a wider umask) is narrowed at open.
 */
export function makeDataDirPrivate(dir: string): void {
  narrowUmask();
  narrow(dir);
}

function narrowUmask(): void {
  try {
    process.umask(process.umask() | 0o077);
  } catch {
    // Worker threads may not change the umask; the chmod below still covers what exists.
  }
}

function narrow(path: string): void {
  const stat = lstatSync(path);
  if (stat.isSymbolicLink()) return;
  const wanted = stat.mode & 0o700;
  if ((stat.mode & 0o777) !== wanted) chmodSync(path, wanted);
  if (stat.isDirectory()) for (const name of readdirSync(path)) narrow(join(path, name));
}
