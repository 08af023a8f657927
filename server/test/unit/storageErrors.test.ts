import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyStorageError } from '../../http/storageErrors.js';
import { assertWritableDataDir } from '../../store/errors.js';

describe('server/http | classifyStorageError', () => {
  it('answers a full disk with 507 and a read-only one with 503, telling the client to retry', () => {
    for (const code of ['SQLITE_FULL', 'ENOSPC']) expect(classifyStorageError(Object.assign(new Error('full'), { code }))).toMatchObject({ status: 507, code: 'STORAGE_FULL', message: expect.stringContaining('Retry later') });
    for (const code of ['SQLITE_READONLY', 'EROFS']) expect(classifyStorageError(Object.assign(new Error('ro'), { code }))).toMatchObject({ status: 503, code: 'STORAGE_READ_ONLY', message: expect.stringContaining('Retry later') });
  });

  it('leaves other errors to the generic handler', () => {
    expect(classifyStorageError(Object.assign(new Error('x'), { code: 'ECONNRESET' }))).toBeUndefined();
    expect(classifyStorageError(new Error('no code'))).toBeUndefined();
    expect(classifyStorageError(undefined)).toBeUndefined();
  });
});

describe('server/store | assertWritableDataDir', () => {
  it('names the folder and what to do when it cannot be a writable folder', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'reprise-datadir-')), 'a-file');
    fs.writeFileSync(file, '');
    expect(() => assertWritableDataDir(path.join(file, 'data'))).toThrow(
      `Cannot open the embedded store: expected a writable data folder at ${path.join(file, 'data')}, but it is not writable (ENOTDIR). Remount it read-write, fix its permissions, or point --data / REPRISE_DATA_DIR at a writable folder.`,
    );
    fs.rmSync(path.dirname(file), { recursive: true });
  });
});
