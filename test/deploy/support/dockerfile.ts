import { readFileSync } from 'node:fs';

export interface DockerStage {
  from: string;
  env: Record<string, string>;
  user?: string;
  workdir?: string;
  /** Every RUN, continuation lines joined. */
  runs: string[];
  copies: string[];
  volumes: string[];
  cmd?: string[];
}

/** The instructions of each stage (enough of the Dockerfile syntax for this project's file). */
export function readDockerfile(path: string): DockerStage[] {
  const logical = readFileSync(path, 'utf8')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  const stages: DockerStage[] = [];
  for (const line of logical) {
    const [, instruction, rest] = /^(\w+)\s+(.*)$/.exec(line) ?? [];
    const stage = stages[stages.length - 1];
    switch (instruction?.toUpperCase()) {
      case 'FROM':
        stages.push({ from: rest.split(/\s+/)[0], env: {}, runs: [], copies: [], volumes: [] });
        break;
      case 'ENV':
        for (const m of rest.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=("[^"]*"|\S+)/g)) stage.env[m[1]] = m[2].replace(/^"|"$/g, '');
        break;
      case 'USER':
        stage.user = rest.split(':')[0];
        break;
      case 'WORKDIR':
        stage.workdir = rest;
        break;
      case 'RUN':
        stage.runs.push(rest.replace(/\s+/g, ' '));
        break;
      case 'COPY':
        stage.copies.push(rest);
        break;
      case 'VOLUME':
        stage.volumes.push(...(rest.startsWith('[') ? (JSON.parse(rest) as string[]) : rest.split(/\s+/)));
        break;
      case 'CMD':
        stage.cmd = JSON.parse(rest) as string[];
        break;
    }
  }
  return stages;
}

/** Directories a RUN of the stage hands to `user` (chown user[:group] dir...). */
export function chownedTo(stage: DockerStage, user: string): string[] {
  const dirs: string[] = [];
  for (const run of stage.runs) {
    for (const command of run.split(/&&|;/)) {
      const m = /^\s*chown\s+(?:-R\s+)?([^\s:]+)(?::\S+)?\s+(.+)$/.exec(command);
      if (m && m[1] === user) dirs.push(...m[2].trim().split(/\s+/));
    }
  }
  return dirs;
}
