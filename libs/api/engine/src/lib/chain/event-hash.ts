import { createHash } from 'node:crypto';
import type { ApplicationEventEntity } from '@portal/api-db';

/** The prevHash of an application's first event. */
export const GENESIS_HASH = '0'.repeat(64);

type HashedFields = Omit<ApplicationEventEntity, 'id' | 'hash'>;

/** JSON with sorted keys, so the same content always hashes the same. */
function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}

/**
 * SM3 (GB/T 32905, from Node's OpenSSL) over an event's content and the hash of the event
 * before it: changing, removing or reordering any event breaks every link after it.
 */
export function eventHash(event: HashedFields): string {
  const content = canonical({
    applicationId: event.applicationId,
    seq: event.seq,
    action: event.action,
    from: event.fromState,
    to: event.toState,
    actorUserId: event.actorUserId,
    actorName: event.actorName,
    actorRole: event.actorRole,
    party: event.party,
    comment: event.comment,
    payload: event.payload,
    clientIp: event.clientIp,
    at: event.createdAt.toISOString(),
    prev: event.prevHash,
  });
  return createHash('sm3').update(content, 'utf8').digest('hex');
}
