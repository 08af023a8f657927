// A full or read-only disk is an operations problem, not a bug: the client hears it as such (507/503) and
// can retry later, and the message tells the operator what to fix.
const FULL_CODES = new Set(['SQLITE_FULL', 'ENOSPC', 'EDQUOT']);
const READ_ONLY_CODES = new Set(['SQLITE_READONLY', 'SQLITE_READONLY_DBMOVED', 'SQLITE_CANTOPEN', 'EROFS']);

export interface StorageErrorReply {
  status: number;
  code: 'STORAGE_FULL' | 'STORAGE_READ_ONLY';
  message: string;
}

export function classifyStorageError(error: unknown): StorageErrorReply | undefined {
  const code = (error as { code?: unknown })?.code;
  if (typeof code !== 'string') return undefined;
  if (FULL_CODES.has(code)) {
    return { status: 507, code: 'STORAGE_FULL', message: "The server's data folder is full, so this was not stored. Retry later; operators: free disk space or lower the retention days." };
  }
  if (READ_ONLY_CODES.has(code)) {
    return { status: 503, code: 'STORAGE_READ_ONLY', message: "The server's data folder is not writable, so this was not stored. Retry later; operators: remount it read-write or fix its permissions." };
  }
  return undefined;
}
