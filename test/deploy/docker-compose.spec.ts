import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { resolveAuth } from '../../apps/api/src/auth/auth-config';
import { readApiConfig } from '../../apps/api/src/config/api-config';
import { runProjectionsInApi } from '../../apps/api/src/projections/projections.module';
import { masterKeyringFor } from '../../apps/api/src/store/household-keys';
import { readFeedRelayConfig } from '../../apps/worker/src/feeds/feed-relay.config';
import { masterKeySourcesFrom } from '../../apps/worker/src/retention/retention.runtime';
import { readWorkerConfig } from '../../apps/worker/src/worker-config';
import { workerProjections } from '../../apps/worker/src/worker-projections';
import { resolveMasterKeyring } from '../../libs/crypto/src';
import { parsePostgresUrl } from '../../libs/event-store/src/factory/startup-checks';
import { loadFeedSecret } from '../../projections/feeds/feed-secret';
import { readFeedConfig } from '../../projections/feeds/feed-projection.factory';
import { interpolate, interpolatedVariables, MissingVariable, readComposeFile, serviceEnvironment, volumeTarget, type ComposeService } from './support/compose-file';
import { chownedTo, readDockerfile } from './support/dockerfile';

/*
 * No Docker engine runs here: this reads docker-compose.yml and apps/Dockerfile the way Compose and
 * the image would, and runs each app's own configuration readers (what its main.ts calls before
 * opening the store) on the environment its container would get.
 */
const ROOT = join(__dirname, '..', '..');
const compose = readComposeFile(join(ROOT, 'docker-compose.yml'));
const stages = readDockerfile(join(ROOT, 'apps/Dockerfile'));
const image = stages[stages.length - 1];
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin?: Record<string, string>; engines: { node: string } };

/** The app each service runs, from its command: the readers its main.ts calls, in that order. */
const STARTUP_READERS: Record<string, (env: NodeJS.ProcessEnv) => void> = {
  'dist/apps/api/src/main.js': (env) => {
    const config = readApiConfig(env);
    resolveAuth(config);
    loadFeedSecret(readFeedConfig(env));
    const server = Boolean(config.databaseUrl || config.eventstoreUrl);
    masterKeyringFor({ masterKey: config.masterKey, masterKeyPrevious: config.masterKeyPrevious, required: true }, { server, embeddedDir: server ? undefined : config.dataDir });
    if (config.databaseUrl) parsePostgresUrl(config.databaseUrl);
    runProjectionsInApi('postgres', env);
  },
  'dist/apps/worker/src/main.js': (env) => {
    readWorkerConfig(env);
    workerProjections(env);
    readFeedRelayConfig(env);
    resolveMasterKeyring({ ...masterKeySourcesFrom(env), create: false });
    if (env.DATABASE_URL) parsePostgresUrl(env.DATABASE_URL);
  },
};

const appServices = Object.entries(compose.services).filter(([, s]) => s.build !== undefined);
const readersOf = (service: ComposeService) => {
  const readers = STARTUP_READERS[service.command?.[1] ?? ''];
  if (!readers) throw new Error(`no start-up readers known for the command ${JSON.stringify(service.command)}`);
  return readers;
};

/** The .env the header tells the operator to write, with each `$(openssl rand ...)` run in node. */
function documentedEnv(): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const m of compose.header.matchAll(/^\s*([A-Z][A-Z0-9_]*)=(\S*?)\$\(openssl rand -(hex|base64) (\d+)\)\s*$/gm)) {
    vars[m[1]] = m[2] + randomBytes(Number(m[4])).toString(m[3] === 'hex' ? 'hex' : 'base64');
  }
  return vars;
}

/** Runs a service's readers with its environment, DATA_DIR moved under a scratch root; returns the files written. */
function startUp(service: ComposeService, vars: Record<string, string | undefined>, change: (env: Record<string, string | undefined>) => void = () => undefined) {
  const root = mkdtempSync(join(tmpdir(), 'compose-'));
  try {
    const env: Record<string, string | undefined> = serviceEnvironment(service, image.env, vars);
    change(env);
    if (env.DATA_DIR) env.DATA_DIR = join(root, env.DATA_DIR);
    readersOf(service)(env);
    const written = (readdirSync(root, { recursive: true, withFileTypes: true }) as { name: string; parentPath: string; isFile(): boolean }[])
      .filter((e) => e.isFile())
      .map((e) => `/${relative(root, join(e.parentPath, e.name))}`);
    return { written };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

describe('docker-compose.yml and apps/Dockerfile', () => {
  it('runs PostgreSQL, the api and the worker by default; KurrentDB and Kafka only with their profiles', () => {
    const byDefault = Object.entries(compose.services).filter(([, s]) => !s.profiles).map(([name]) => name);
    expect(byDefault.sort()).toEqual(['api', 'postgres', 'worker']);
    expect(compose.services.kurrentdb.profiles).toEqual(['kurrentdb']);
    expect(compose.services.kafka.profiles).toEqual(['kafka']);
    // A default service may wait for a profiled one only when it runs: `required: false`.
    for (const [name, service] of Object.entries(compose.services).filter(([, s]) => !s.profiles)) {
      for (const [dependency, how] of Object.entries(service.depends_on ?? {})) {
        if (compose.services[dependency].profiles) expect({ name, dependency, required: how.required }).toEqual({ name, dependency, required: false });
      }
    }
  });

  it('gives every app what its configuration readers require, from the .env the header documents, writing nothing', () => {
    const vars = documentedEnv();
    expect(Object.keys(vars).sort()).toEqual(['AUTH_SECRET', 'FEED_SECRET', 'MASTER_KEY', 'POSTGRES_PASSWORD']);
    expect(appServices.map(([name]) => name).sort()).toEqual(['api', 'worker']);
    for (const [name, service] of appServices) expect({ name, ...startUp(service, vars) }).toEqual({ name, written: [] });
  });

  it('marks as required (${VAR:?...}) every variable whose absence stops an app, so Compose says so before starting anything', () => {
    const vars = documentedEnv();
    const { required } = interpolatedVariables(compose.text);
    const needed = new Set<string>();
    for (const [, service] of appServices) {
      for (const [key, raw] of Object.entries(service.environment ?? {})) {
        let stops = false;
        try {
          startUp(service, vars, (env) => delete env[key]);
        } catch {
          stops = true;
        }
        if (!stops) continue;
        needed.add(key);
        const requiredHere = [...String(raw).matchAll(/\$\{([A-Za-z0-9_]+):\?/g)].map((m) => m[1]);
        expect({ key, requiredHere: requiredHere.length > 0 }).toEqual({ key, requiredHere: true });
        for (const variable of requiredHere) expect(required.has(variable)).toBe(true);
      }
    }
    // What the readers showed to be required, so this test cannot pass by finding nothing.
    expect([...needed].sort()).toEqual(['FEED_SECRET', 'MASTER_KEY']);
    // And without the .env Compose stops with the variable's name and how to generate it.
    for (const [, service] of appServices) {
      expect(() => serviceEnvironment(service, image.env, {})).toThrow(MissingVariable);
    }
    expect(() => interpolate(String(compose.services.api.environment?.MASTER_KEY), {})).toThrow(/MASTER_KEY: .*openssl rand -base64 32/);
  });

  it('lets the API generate its token secret only into a volume the image user owns', () => {
    const vars = { ...documentedEnv(), AUTH_SECRET: undefined };
    const api = compose.services.api;
    const { written } = startUp(api, vars);
    expect(written).toEqual([`${image.env.DATA_DIR}/auth-secret`]);
    const targets = (api.volumes ?? []).map(volumeTarget);
    for (const file of written) {
      const volume = targets.find((t) => file.startsWith(`${t}/`));
      expect({ file, volume }).toEqual({ file, volume: image.env.DATA_DIR });
    }
  });

  it('runs as a non-root user that owns its data directory and every volume mounted into the apps', () => {
    expect(image.user).toBeDefined();
    expect(['root', '0']).not.toContain(image.user);
    const owned = chownedTo(image, image.user ?? '');
    expect(image.env.DATA_DIR).toMatch(/^\//);
    expect(owned).toContain(image.env.DATA_DIR);
    expect(image.volumes).toContain(image.env.DATA_DIR);
    for (const [name, service] of appServices) {
      for (const target of (service.volumes ?? []).map(volumeTarget)) expect({ name, target, owned: owned.includes(target) }).toEqual({ name, target, owned: true });
      // Named volumes only: a bind mount would keep the host directory's owner.
      for (const entry of service.volumes ?? []) expect(Object.keys(compose.volumes)).toContain(entry.split(':')[0]);
    }
  });

  it('is built on a current Node LTS image and runs compiled JavaScript only, the CLI included', () => {
    for (const stage of stages) {
      const major = Number(/^node:(\d+)/.exec(stage.from)?.[1]);
      // Even majors are the LTS lines; 24 is the oldest still in active support at the time of writing.
      expect({ from: stage.from, lts: major % 2 === 0 && major >= 24 }).toEqual({ from: stage.from, lts: true });
    }
    expect(Number(/(\d+)/.exec(pkg.engines.node)?.[1])).toBeLessThanOrEqual(Number(/^node:(\d+)/.exec(image.from)?.[1]));
    expect(stages[0].runs.join(' && ')).toMatch(/npm run build && npm prune --omit=dev/);
    const commands = [image.cmd ?? [], ...appServices.map(([, s]) => s.command ?? [])];
    for (const command of commands) {
      expect(command[0]).toBe('node');
      expect(command.join(' ')).not.toMatch(/\b(npm|npx|tsc|ts-node|swc)\b/);
      expect(existsSync(join(ROOT, command[1].replace(/^dist\//, '').replace(/\.js$/, '.ts')))).toBe(true);
    }
    // `accompagnement <command>` on the PATH: the package's bin, compiled, with its shebang.
    const [name, target] = Object.entries(pkg.bin ?? {})[0] ?? [];
    expect(name).toBe('accompagnement');
    expect(image.runs.join(' && ')).toContain(`ln -s ${image.workdir}/${target} /usr/local/bin/${name}`);
    expect(readFileSync(join(ROOT, target.replace(/^dist\//, '').replace(/\.js$/, '.ts')), 'utf8')).toMatch(/^#!\/usr\/bin\/env node\n/);
  });

  it('names in its header the variables it reads and only variables that exist', () => {
    const { all } = interpolatedVariables(compose.text);
    for (const variable of all) expect({ variable, inHeader: compose.header.includes(variable) }).toEqual({ variable, inHeader: true });
    const readByApps = variablesReadByTheApps();
    for (const word of new Set(compose.header.match(/\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b/g) ?? [])) {
      expect({ word, real: all.has(word) || readByApps.has(word) }).toEqual({ word, real: true });
    }
  });
});

/** Environment variable names the apps' sources read (env.NAME, env['NAME'], or a reader given 'NAME'). */
function variablesReadByTheApps(): Set<string> {
  const names = new Set<string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== 'testing' && entry.name !== 'node_modules') walk(path);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts')) {
        for (const m of readFileSync(path, 'utf8').matchAll(/env(?:\.|\[')([A-Z][A-Z0-9_]*)|env, '([A-Z][A-Z0-9_]*)'/g)) names.add(m[1] ?? m[2]);
      }
    }
  };
  for (const dir of ['apps', 'libs', 'projections']) walk(join(ROOT, dir));
  return names;
}
