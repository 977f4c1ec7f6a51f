// Board tokens as the server sees them: only sha256(token) is kept, a token is 32 random bytes
// written base64url (made in the app, shown once), and a rotation is the stateless message
// {"type":"rotate-token","tokenHash":"<hex sha256 of the new token>"}.
import { createHash, timingSafeEqual } from 'node:crypto';

export { WRONG_TOKEN } from '../../shared/domain/syncFormat';

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;
const HASH_SHAPE = /^[0-9a-f]{64}$/;

/** True for a token of the shape the app makes (32 bytes, base64url without padding). */
export function isTokenShaped(token: string): boolean {
  return TOKEN_SHAPE.test(token);
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Compares two hex hashes in constant time. */
export function sameHash(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

export type StatelessRequest = { type: 'rotate-token'; tokenHash: string };

/** A stateless message the server acts on, or null for any other payload (left to others). */
export function parseStateless(payload: string): StatelessRequest | { type: 'invalid'; reason: string } | null {
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || (value as { type?: unknown }).type !== 'rotate-token') return null;
  const hash = (value as { tokenHash?: unknown }).tokenHash;
  if (typeof hash !== 'string' || !HASH_SHAPE.test(hash)) return { type: 'invalid', reason: 'rotate-token needs tokenHash: the hex sha256 of the new token' };
  return { type: 'rotate-token', tokenHash: hash };
}
