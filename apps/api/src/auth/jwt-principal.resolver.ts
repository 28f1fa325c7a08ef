import { TokenVerifier, type TokenVerifierOptions, Unauthenticated } from '../../../../libs/auth/src';
import { isActorId } from '../../../../libs/domain/src';
import type { Principal, PrincipalRequest, PrincipalResolver } from '../principal/principal';

/** The caller is whoever the bearer JWT says, once jose has checked its signature, expiry, issuer and audience. */
export class JwtPrincipalResolver implements PrincipalResolver {
  private readonly verifier: TokenVerifier;

  constructor(options: TokenVerifierOptions | TokenVerifier) {
    this.verifier = options instanceof TokenVerifier ? options : new TokenVerifier(options);
  }

  async resolve(request: PrincipalRequest): Promise<Principal> {
    const header = request.headers.authorization;
    const principal = await this.verifier.verify(Array.isArray(header) ? header[0] : header);
    // The subject is matched against referent ids, recorded in events and printed by the auditors'
    // tools: an empty one would mean "no filter", a control character would reach a terminal raw.
    if (!isActorId(principal.id)) throw new Unauthenticated('invalid');
    return principal;
  }
}
