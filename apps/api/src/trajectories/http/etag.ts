import { HttpProblem } from '../../problem-details/http-problem';

/** A trajectory's ETag is its stream version: strong, and what If-Match must send back. */
export function etagOf(version: number): string {
  return `"${version}"`;
}

/**
 * If-Match -> the version the client decided on. Absent or `*` -> undefined (the server retries
 * conflicts itself). Weak or several tags are refused: a command needs one exact version.
 */
export function expectedVersionFrom(ifMatch: string | undefined): number | undefined {
  if (ifMatch === undefined) return undefined;
  const value = ifMatch.trim();
  if (value === '' || value === '*') return undefined;
  const m = /^"(\d{1,9})"$/.exec(value);
  if (!m) {
    throw HttpProblem.badRequest('invalid-if-match', 'If-Match must be one strong ETag as returned by the API, e.g. "3".', [
      { field: 'header:if-match', reason: 'expected "<version>"' },
    ]);
  }
  return Number(m[1]);
}

/** If-None-Match (weak comparison, as RFC 9110 says for GET): does the client already hold this version? */
export function matchesIfNoneMatch(ifNoneMatch: string | undefined, version: number): boolean {
  if (!ifNoneMatch) return false;
  const current = etagOf(version);
  return ifNoneMatch
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === '*' || tag === current);
}
