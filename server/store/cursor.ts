// Opaque pagination cursors: the sort key of the last item, base64url JSON. Clients must not parse them.
import { StoreError } from './errors.js';

export type SortKey = [sortValue: number, id: string];

export function encodeCursor(key: SortKey): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string): SortKey {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === 2 && typeof key[0] === 'number' && typeof key[1] === 'string') return [key[0], key[1]];
  } catch {
    // fall through to the error below
  }
  throw new StoreError('INVALID_CURSOR', `Invalid cursor "${cursor.slice(0, 40)}": pass back the nextCursor of a previous page unchanged.`);
}
