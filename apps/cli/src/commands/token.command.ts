import { durationSeconds, loadOrCreateAuthSecret, mintToken } from '../../../../libs/auth/src';
import { ACTOR_ID_RULE, isActorId, ROLES, type Role } from '../../../../libs/domain/src';
import { CliUsageError, parseArgs, type CliCommand, type CliIo } from '../cli-command';

/** 'system' is the engine itself: no token may claim it. */
const TOKEN_ROLES = ROLES.filter((r) => r !== 'system');
const SCOPE = /^(service|prescriber|funder):[A-Za-z0-9._:-]{1,100}$/;

export interface TokenCommandDeps {
  now?: () => Date;
}

/**
 * `token --role <role> --sub <id> [--scope <scope>]...`: a bearer token for trying the API on the
 * embedded default. It signs with the secret the API verifies with: AUTH_SECRET when set, else the
 * one generated into DATA_DIR (default ./data) at the API's first start.
 */
export function tokenCommand(deps: TokenCommandDeps = {}): CliCommand {
  return {
    name: 'token',
    summary: 'mint a bearer token (role, subject, scopes) to try the API with',
    usage: [
      'usage: npm run cli -- token --role <role> --sub <id> [--scope <kind:id>]... [--expires 8h] [--link [--url <base>]]',
      '',
      'Prints a JWT signed with the API\'s HS256 secret: AUTH_SECRET if set, else DATA_DIR/auth-secret (default',
      './data, created if missing). Send it as "Authorization: Bearer <token>". AUTH_ISSUER and AUTH_AUDIENCE',
      'are put in the token when set. With AUTH_JWKS_URL, tokens come from your identity provider instead.',
      '',
      `roles:  ${TOKEN_ROLES.join(', ')}`,
      'scopes: prescriber:<id> (which saisines a prescriber sent), funder:<id> (which conventions and feed),',
      '        validator:<id> (what was submitted to it), partner:<id> (landlord, relais partner),',
      '        service:<id> (recorded, see docs/security.md); repeat --scope or separate them with spaces',
      'expires: seconds or 45m, 8h, 30d (default 8h)',
      '--link: print a sign-in link to the web app instead of the bare token (base: --url, else',
      '        http://localhost:$PORT, default port 3000); the token rides in the fragment, never sent to a server log',
    ].join('\n'),
    async run(args: readonly string[], io: CliIo): Promise<number> {
      const { scopes, rest } = takeScopes(args);
      const { positionals, flags } = parseArgs(rest, ['role', 'sub', 'expires', 'url']);
      for (const flag of flags.keys()) if (!['role', 'sub', 'expires', 'url', 'link'].includes(flag)) throw new CliUsageError(`unknown option --${flag}`);
      const link = flags.get('link') === true ? signInLinkBase(flags.get('url'), io.env) : undefined;
      if (positionals.length) throw new CliUsageError(`unexpected argument ${positionals[0]}`);
      const role = flags.get('role');
      if (typeof role !== 'string') throw new CliUsageError('--role is required');
      if (!(TOKEN_ROLES as readonly string[]).includes(role)) throw new CliUsageError(`unknown role "${role}" (roles: ${TOKEN_ROLES.join(', ')})`);
      const subject = flags.get('sub');
      if (typeof subject !== 'string') throw new CliUsageError('--sub is required: the id of the person the token stands for');
      if (!isActorId(subject)) throw new CliUsageError(`--sub must be ${ACTOR_ID_RULE}`);
      const bad = scopes.find((s) => !SCOPE.test(s));
      if (bad) throw new CliUsageError(`invalid scope "${bad}": use service:<id>, prescriber:<id> or funder:<id>`);
      const expires = flags.get('expires');
      const expiresIn = typeof expires === 'string' ? (/^\d+$/.test(expires) ? Number(expires) : expires) : '8h';
      try {
        durationSeconds(expiresIn);
      } catch {
        throw new CliUsageError(`--expires must be seconds or a duration such as 45m, 8h, 30d (got ${String(expires)})`);
      }

      if (io.env.AUTH_JWKS_URL?.trim()) {
        io.err('error: AUTH_JWKS_URL is set: the API accepts tokens from your identity provider only, ask it for one.\n');
        return 1;
      }
      const secret = io.env.AUTH_SECRET?.trim() || loadOrCreateAuthSecret(io.env.DATA_DIR?.trim() || './data');
      const token = await mintToken({
        secret,
        subject,
        role: role as Role,
        scopes,
        expiresIn,
        issuer: io.env.AUTH_ISSUER?.trim() || undefined,
        audience: io.env.AUTH_AUDIENCE?.trim() || undefined,
        now: deps.now?.(),
      });
      io.out(link ? `${link}/connexion#token=${token}\n` : `${token}\n`);
      return 0;
    },
  };
}

function signInLinkBase(url: string | true | undefined, env: NodeJS.ProcessEnv): string {
  if (url === true) throw new CliUsageError('--url needs a value');
  const base = url ?? `http://localhost:${env.PORT?.trim() || '3000'}`;
  if (!/^https?:\/\/[^\s/]+/.test(base)) throw new CliUsageError(`--url must be an http(s) address such as http://localhost:3000 (got ${base})`);
  return base.replace(/\/+$/, '');
}

/** --scope may repeat, and one value may hold several scopes separated by spaces (the JWT `scope` claim's form). */
function takeScopes(args: readonly string[]): { scopes: string[]; rest: string[] } {
  const scopes: string[] = [];
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--scope') {
      const value = args[i + 1];
      if (value === undefined || value.startsWith('--')) throw new CliUsageError('--scope needs a value');
      scopes.push(...value.split(/[\s,]+/).filter(Boolean));
      i++;
    } else if (a.startsWith('--scope=')) scopes.push(...a.slice('--scope='.length).split(/[\s,]+/).filter(Boolean));
    else rest.push(a);
  }
  return { scopes, rest };
}
