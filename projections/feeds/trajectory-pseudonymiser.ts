import { createHmac, hkdfSync } from 'node:crypto';

/** Fixed salt: it separates these keys from any other use of the same master secret. */
const HKDF_SALT = Buffer.from('accompagnement-engine/funder-feed/v1', 'utf8');
const KEY_BYTES = 32;
export const MIN_FEED_SECRET_BYTES = 32;

/**
 * Pseudonyms and record ids for the funder feeds. Each funder has its own key (HKDF of the master
 * secret with the funder id as info), so the same trajectory has unrelated pseudonyms in two funders'
 * feeds: two funders comparing their feeds cannot join them, and nobody can go from a pseudonym back
 * to a trajectory id without the master secret.
 */
export class TrajectoryPseudonymiser {
  private readonly keys = new Map<string, Buffer>();
  private readonly secret: Buffer;

  constructor(masterSecret: Buffer) {
    if (masterSecret.length < MIN_FEED_SECRET_BYTES) {
      throw new Error(`The feed secret must hold at least ${MIN_FEED_SECRET_BYTES} bytes, got ${masterSecret.length}.`);
    }
    this.secret = Buffer.from(masterSecret);
  }

  /** hex HMAC-SHA-256 of the trajectory id under the funder's key. */
  pseudonym(funderId: string, trajectoryId: string): string {
    return this.mac(funderId, `trajectory:${trajectoryId}`).toString('hex');
  }

  /**
   * A uuid (version 8, RFC 9562 "custom") that is the same each time the same fact is projected, so a
   * rebuilt feed republishes records consumers already hold under the same ids. Keyed like the
   * pseudonym: a record id cannot be traced back to the store's event id either.
   */
  recordId(funderId: string, sourceEventId: string, discriminator: string): string {
    const bytes = this.mac(funderId, `record:${sourceEventId}:${discriminator}`).subarray(0, 16);
    bytes[6] = (bytes[6] & 0x0f) | 0x80;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    const hex = bytes.toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
  }

  private mac(funderId: string, message: string): Buffer {
    return createHmac('sha256', this.funderKey(funderId)).update(message, 'utf8').digest();
  }

  private funderKey(funderId: string): Buffer {
    let key = this.keys.get(funderId);
    if (!key) {
      key = Buffer.from(hkdfSync('sha256', this.secret, HKDF_SALT, Buffer.from(funderId, 'utf8'), KEY_BYTES));
      this.keys.set(funderId, key);
    }
    return key;
  }
}
