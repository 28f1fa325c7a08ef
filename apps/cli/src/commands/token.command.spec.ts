import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TokenVerifier } from '../../../../libs/auth/src';
import { runCli } from '../cli';
import { capturedIo } from '../testing/captured-io';
import { tokenCommand } from './token.command';

const commands = [tokenCommand()];
const freshDataDir = () => join(mkdtempSync(join(tmpdir(), 'cli-token-')), 'data');

describe('cli token', () => {
  it('mints a token the API accepts, with the secret generated into DATA_DIR', async () => {
    const dataDir = freshDataDir();
    const io = capturedIo({ DATA_DIR: dataDir });
    expect(await runCli(['token', '--role', 'prescriber', '--sub', 'lmh-1', '--scope', 'prescriber:lmh', '--scope', 'service:nord'], commands, io)).toBe(0);
    const secret = readFileSync(join(dataDir, 'auth-secret'), 'utf8').trim();
    const verifier = new TokenVerifier({ keys: { kind: 'secret', secret } });
    await expect(verifier.verify(`Bearer ${io.stdout.trim()}`)).resolves.toEqual({ id: 'lmh-1', role: 'prescriber', scopes: ['prescriber:lmh', 'service:nord'] });
    // The next one is signed with the same secret: the API and the CLI agree across runs.
    const again = capturedIo({ DATA_DIR: dataDir });
    expect(await runCli(['token', '--role=funder', '--sub=caf', '--scope=funder:caf funder:caf-x'], commands, again)).toBe(0);
    await expect(verifier.verify(`Bearer ${again.stdout.trim()}`)).resolves.toMatchObject({ role: 'funder', scopes: ['funder:caf', 'funder:caf-x'] });
  });

  it('signs with AUTH_SECRET and carries AUTH_ISSUER / AUTH_AUDIENCE when they are set', async () => {
    const secret = 'a-configured-secret-of-at-least-32-characters';
    const io = capturedIo({ AUTH_SECRET: secret, AUTH_ISSUER: 'https://idp.example', AUTH_AUDIENCE: 'engine', DATA_DIR: freshDataDir() });
    expect(await runCli(['token', '--role', 'auditor', '--sub', 'inspection-1', '--expires', '30m'], commands, io)).toBe(0);
    const verifier = new TokenVerifier({ keys: { kind: 'secret', secret }, issuer: 'https://idp.example', audience: 'engine' });
    await expect(verifier.verify(`Bearer ${io.stdout.trim()}`)).resolves.toEqual({ id: 'inspection-1', role: 'auditor', scopes: [] });
  });

  it.each([
    [['--role', 'king', '--sub', 'u'], /unknown role "king" \(roles: referent, coordinator, secretary, prescriber, validator, partner, funder, auditor, admin\)/],
    [['--role', 'system', '--sub', 'u'], /unknown role "system"/],
    [['--sub', 'u'], /--role is required/],
    [['--role', 'referent'], /--sub is required/],
    [['--role', 'referent', '--sub', 'u', '--scope', 'everything'], /invalid scope "everything"/],
    [['--role', 'referent', '--sub', 'u', '--expires', 'forever'], /--expires must be/],
    [['--role', 'referent', '--sub', 'u', '--admin'], /unknown option --admin/],
    // The API refuses a token whose subject breaks this rule (jwt-principal.resolver): the CLI never mints one.
    [['--role', 'referent', '--sub', ''], /--sub must be 1-128 letters, digits or \. _ @ : -/],
    [['--role', 'referent', '--sub', 'ref\u001b[2K'], /--sub must be 1-128/],
    [['--role', 'referent', '--sub', 'x'.repeat(129)], /--sub must be 1-128/],
  ])('refuses %j with a clear message and exit code 2', async (args, message) => {
    const io = capturedIo({ DATA_DIR: freshDataDir() });
    expect(await runCli(['token', ...args], commands, io)).toBe(2);
    expect(io.stderr).toMatch(message);
    expect(io.stderr).toMatch(/usage: npm run cli -- token/);
    expect(io.stdout).toBe('');
  });

  it('prints a sign-in link to the web app with the token in the fragment', async () => {
    const io = capturedIo({ DATA_DIR: freshDataDir(), PORT: '8080' });
    expect(await runCli(['token', '--role', 'coordinator', '--sub', 'chef-1', '--link'], commands, io)).toBe(0);
    const link = /^http:\/\/localhost:8080\/connexion#token=(\S+)\n$/.exec(io.stdout);
    expect(link).not.toBeNull();
    expect(link![1].split('.')).toHaveLength(3);
    const other = capturedIo({ DATA_DIR: freshDataDir() });
    expect(await runCli(['token', '--role', 'referent', '--sub', 'r-1', '--link', '--url', 'https://suivi.example.org/'], commands, other)).toBe(0);
    expect(other.stdout).toMatch(/^https:\/\/suivi\.example\.org\/connexion#token=/);
  });

  it('refuses to mint when tokens come from an identity provider', async () => {
    const io = capturedIo({ AUTH_JWKS_URL: 'https://idp.example/jwks.json', DATA_DIR: freshDataDir() });
    expect(await runCli(['token', '--role', 'referent', '--sub', 'u'], commands, io)).toBe(1);
    expect(io.stderr).toMatch(/identity provider/);
  });
});
