import { mintToken, readAuthSecret } from '../../../../libs/auth/src';
import { embeddedDataDirOf, inspectDataDirLock } from '../../../../libs/event-store/src';
import { parisDate, type Role } from '../../../../libs/domain/src';
import { CliUsageError, parseArgs, type CliCommand, type CliIo } from '../cli-command';
import { type DemoCall, DemoRefused, seedDemo } from '../demo/demo-seeder';
import { type DemoActor, DEMO_PEOPLE } from '../demo/demo-service';

export interface DemoCommandDeps {
  now?: () => Date;
  fetch?: typeof fetch;
}

/**
 * `demo [--url <api>]`: fills an empty store with a demo service through the running API, then
 * prints a sign-in link for each of its people. It goes through the API like anyone else (tokens
 * signed with the secret the API verifies), so it works on the embedded store the API holds.
 */
export function demoCommand(deps: DemoCommandDeps = {}): CliCommand {
  return {
    name: 'demo',
    summary: 'fill an empty store with a demo service (about 40 households) and print sign-in links',
    usage: [
      'usage: npm run cli -- demo [--url <the API, default: the one holding DATA_DIR, else http://localhost:$PORT>]',
      '',
      'Start the API first (npm start). The demo creates two conventions, then about forty households at every',
      'stage, with dates counted back from today (some deadlines overdue), as a coordinator, four referents, a',
      'secretary and a funder; it prints a sign-in link for each. It refuses a store that already holds trajectories.',
      'Tokens are signed with AUTH_SECRET, else DATA_DIR/auth-secret (default ./data).',
    ].join('\n'),
    async run(args: readonly string[], io: CliIo): Promise<number> {
      const { positionals, flags } = parseArgs(args, ['url']);
      for (const flag of flags.keys()) if (flag !== 'url') throw new CliUsageError(`unknown option --${flag}`);
      if (positionals.length) throw new CliUsageError(`unexpected argument ${positionals[0]}`);
      const url = flags.get('url');
      if (url === true) throw new CliUsageError('--url needs a value');
      const base = (url ?? runningApiUrl(io.env) ?? `http://localhost:${io.env.PORT?.trim() || '3000'}`).replace(/\/+$/, '');
      const secret = io.env.AUTH_SECRET?.trim() || readAuthSecret(io.env.DATA_DIR?.trim() || './data');
      if (!secret) {
        io.err('error: no AUTH_SECRET and no auth-secret in DATA_DIR: start the API once (npm start), or set AUTH_SECRET.\n');
        return 1;
      }
      const now = deps.now ?? (() => new Date());
      const tokens = new Map<string, string>();
      const tokenOf = async (actor: DemoActor) => {
        let token = tokens.get(actor.id);
        if (!token) {
          token = await mintToken({ secret, subject: actor.id, role: actor.role as Role, scopes: [...(actor.scopes ?? [])], expiresIn: '12h', now: now() });
          tokens.set(actor.id, token);
        }
        return token;
      };
      const doFetch = deps.fetch ?? fetch;
      const call: DemoCall = async (method, path, actor, body) => {
        const response = await doFetch(`${base}${path}`, {
          method,
          headers: { authorization: `Bearer ${await tokenOf(actor)}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        const text = await response.text();
        return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
      };

      try {
        const summary = await seedDemo(call, parisDate(now()), (done, total) => {
          if (io.interactive) io.err(`\rdemo: ${done}/${total} households`);
          else if (done === total || done % 10 === 0) io.err(`demo: ${done}/${total} households\n`);
        });
        if (io.interactive) io.err('\n');
        io.out(`Demo service created: ${summary.households} households, ${summary.conventions} conventions.\n`);
        for (const [stage, count] of Object.entries(summary.byStage)) io.out(`  ${stage}: ${count}\n`);
        io.out('\nSign-in links (valid 12 h):\n');
        const people: [string, DemoActor][] = [
          ['coordination', DEMO_PEOPLE.coordinator],
          ...DEMO_PEOPLE.referents.map((r): [string, DemoActor] => [`référent·e ${r.id}`, r]),
          ['secrétariat', DEMO_PEOPLE.secretary],
          ['financeur', DEMO_PEOPLE.funder],
        ];
        for (const [label, actor] of people) io.out(`  ${label}: ${base}/connexion#token=${await tokenOf(actor)}\n`);
        return 0;
      } catch (error) {
        if (error instanceof DemoRefused) {
          io.err(`error: ${error.message}\n`);
          return 1;
        }
        // fetch rejects with a TypeError when nothing listens (compared by name: it may come from another realm).
        if ((error as { name?: unknown } | null)?.name === 'TypeError') {
          io.err(`error: no API answers at ${base}: start it with npm start (or give --url).\n`);
          return 1;
        }
        throw error;
      }
    },
  };
}

/** On the embedded store, the API that holds DATA_DIR wrote its URL in the lock. */
function runningApiUrl(env: NodeJS.ProcessEnv): string | undefined {
  const dir = embeddedDataDirOf(env);
  const lock = dir ? inspectDataDirLock(dir) : undefined;
  return lock?.alive ? lock.holder.url : undefined;
}
