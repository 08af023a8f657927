import { createHash } from 'node:crypto';
import type { Store } from '../store/index.js';

/** Content-addressed blobs: the same screenshot taken twice is stored once. */
export function blobSaver(store: Store, projectId: string) {
  return async (bytes: Uint8Array, contentType: string): Promise<string> => {
    const extension = contentType === 'image/png' ? 'png' : contentType === 'image/jpeg' ? 'jpg' : 'bin';
    const key = `${createHash('sha1').update(bytes).digest('hex')}.${extension}`;
    await store.putBlob(projectId, key, bytes, contentType);
    return key;
  };
}

export function blobLoader(store: Store, projectId: string) {
  return async (key: string): Promise<Uint8Array | undefined> => (await store.getBlob(projectId, key))?.bytes;
}
