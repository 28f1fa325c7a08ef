import { DomainError } from '../../../../libs/domain/src';
import type { Principal } from '../principal/principal';

export class FeedForbidden extends DomainError {
  constructor(funderId: string) {
    super('feed-forbidden', `This token may not read the feed of funder ${funderId}: a funder reads only its own feed.`, 'forbidden', { funderId });
  }
}

/**
 * A funder reads its own feed (role funder with scope funder:<id>); an auditor may read any feed.
 * Nobody else: the feed is what leaves the association, and each funder's pseudonyms are its own.
 */
export function assertMayReadFeed(principal: Principal | undefined, funderId: string): void {
  if (principal?.role === 'auditor') return;
  if (principal?.role === 'funder' && (principal.scopes ?? []).includes(`funder:${funderId}`)) return;
  throw new FeedForbidden(funderId);
}
