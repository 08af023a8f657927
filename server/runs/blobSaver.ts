import { createHash } from 'node:crypto';
import type { Store } from '../store/index.js';

/**
 * Content-addressed within a session: the same screenshot taken twice in a session's replays is stored once, and
 * every blob is tied to its session so that a privacy deletion of the session removes its screenshots too.
 */
export function blobSaver(store: Store, projectId: string, sessionId: string) {
  return async (bytes: Uint8Array, contentType: string): Promise<string> => {
    const extension = contentType === 'image/png' ? 'png' : contentType === 'image/jpeg' ? 'jpg' : 'bin';
    const key = `${sessionId}.${createHash('sha1').update(bytes).digest('hex')}.${extension}`;
    await store.putBlob(projectId, key, bytes, contentType, { sessionId });
    return key;
  };
}

export function blobLoader(store: Store, projectId: string) {
  return async (key: string): Promise<Uint8Array | undefined> => (await store.getBlob(projectId, key))?.bytes;
}
