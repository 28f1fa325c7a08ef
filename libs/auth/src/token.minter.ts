import { SignJWT } from 'jose';
import type { Role } from '../../domain/src';

export interface MintOptions {
  secret: string;
  subject: string;
  role: Role;
  scopes?: string[];
  /** Seconds, or a duration such as '45m', '8h', '30d'. */
  expiresIn?: string | number;
  issuer?: string;
  audience?: string;
  now?: Date;
}

/** For trying the API on the embedded default; production tokens come from the identity provider. */
export async function mintToken(options: MintOptions): Promise<string> {
  const issuedAt = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const jwt = new SignJWT({ role: options.role, scope: (options.scopes ?? []).join(' ') })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(options.subject)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + durationSeconds(options.expiresIn ?? '8h'));
  if (options.issuer) jwt.setIssuer(options.issuer);
  if (options.audience) jwt.setAudience(options.audience);
  return jwt.sign(new TextEncoder().encode(options.secret));
}

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

export function durationSeconds(value: string | number): number {
  if (typeof value === 'number' && Number.isInteger(value) && value > 0) return value;
  const match = /^(\d+)\s*([smhd])$/.exec(String(value).trim());
  if (!match) throw new Error(`Not a duration: ${String(value)} (use seconds or e.g. 45m, 8h, 30d)`);
  return Number(match[1]) * UNIT_SECONDS[match[2] as string]!;
}
