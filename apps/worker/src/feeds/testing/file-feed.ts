import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import type { FeedRecord } from '../../../../../projections/feeds/feed-record';
import type { FeedSink } from '../feed.sink';
import type { FeedSource } from '../feed-source.port';
import { RelayFenced, type RelayPositionStore } from '../relay-position.port';

/**
 * File-backed source, position and sink for the crash tests: each write is fsync'ed before it
 * counts, so what a SIGKILL'ed process leaves behind is exactly what it had acknowledged.
 */
export class FileFeedSink implements FeedSink {
  readonly name = 'file';
  constructor(private readonly path: string) {}

  async publish(records: readonly FeedRecord[]): Promise<void> {
    const fd = openSync(this.path, 'a');
    try {
      writeSync(fd, records.map((r) => `${JSON.stringify(r)}\n`).join(''));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }

  async close(): Promise<void> {}
}

export function readPublished(path: string): FeedRecord[] {
  let text = '';
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  return text
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line) as FeedRecord);
}

export class FileFeedSource implements FeedSource {
  constructor(private readonly path: string) {}

  async readAfter(sequence: number, limit: number): Promise<FeedRecord[]> {
    const all = JSON.parse(readFileSync(this.path, 'utf8')) as FeedRecord[];
    return all.filter((r) => r.sequence > sequence).slice(0, limit);
  }
}

export class FilePositionStore implements RelayPositionStore {
  constructor(private readonly path: string) {}

  async load(_relay: string): Promise<number> {
    try {
      return Number(readFileSync(this.path, 'utf8'));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 0;
      throw e;
    }
  }

  async save(relay: string, from: number, to: number): Promise<void> {
    if ((await this.load(relay)) !== from) throw new RelayFenced(relay, from);
    // Write aside, sync, rename: a kill leaves either the old position or the new one, never half.
    const tmp = `${this.path}.tmp`;
    const fd = openSync(tmp, 'w');
    try {
      writeSync(fd, String(to));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, this.path);
  }
}
