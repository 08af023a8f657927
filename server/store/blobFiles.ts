// Blob bytes as files: written to a temp name, fsynced, renamed, and the folder fsynced, so a crash leaves
// either the old file or the new one, never a torn one.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { assertSafeBlobKey } from './blobKey.js';

export class BlobFiles {
  constructor(private readonly root: string) {}

  pathOf(projectId: string, key: string): string {
    assertSafeBlobKey(projectId, 'project id');
    assertSafeBlobKey(key);
    return path.join(this.root, projectId, key);
  }

  async write(projectId: string, key: string, bytes: Uint8Array): Promise<void> {
    const target = this.pathOf(projectId, key);
    const folder = path.dirname(target);
    await fs.mkdir(folder, { recursive: true });
    const temp = path.join(folder, `.${key}.${randomBytes(6).toString('hex')}.tmp`);
    const handle = await fs.open(temp, 'w');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, target);
    await syncFolder(folder);
  }

  async read(projectId: string, key: string): Promise<Uint8Array | undefined> {
    try {
      return new Uint8Array(await fs.readFile(this.pathOf(projectId, key)));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async remove(projectId: string, key: string): Promise<void> {
    await fs.rm(this.pathOf(projectId, key), { force: true });
  }
}

async function syncFolder(folder: string): Promise<void> {
  const handle = await fs.open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
