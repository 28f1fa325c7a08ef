import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const eslintBin = join(root, 'node_modules', 'eslint', 'bin', 'eslint.js');

/** Lints a source text as if it lived at `file`, with the project's own configuration. */
function lint(file: string, source: string): { status: number | null; output: string } {
  const run = spawnSync(process.execPath, [eslintBin, '--stdin', '--stdin-filename', file, '--format', 'stylish'], { cwd: root, input: source, encoding: 'utf8' });
  return { status: run.status, output: run.stdout + run.stderr };
}

const infrastructure = ["import { Pool } from 'pg';", "import { Injectable } from '@nestjs/common';", "import { PGlite } from '@electric-sql/pglite';", "import { Kafka } from 'kafkajs';", "import { EventStoreDBClient } from '@eventstore/db-client';"];

describe('dependency direction (architecture §1)', () => {
  it.each(['libs/domain/src/probe.ts', 'workflows/engine/src/probe.ts', 'workflows/trajectory/src/probe.ts'])('refuses infrastructure imports in %s', (file) => {
    const { status, output } = lint(file, `${infrastructure.join('\n')}\nexport const probe = 1;\n`);
    expect(status).toBe(1);
    expect(output.match(/no-restricted-imports/g)).toHaveLength(infrastructure.length);
  });

  it('lets the outer rings use them', () => {
    const { status, output } = lint('apps/api/src/probe.ts', `import { Pool } from 'pg';\nexport const probe = Pool;\n`);
    expect(output).not.toContain('no-restricted-imports');
    expect(status).toBe(0);
  });
});
