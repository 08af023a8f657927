// Recording format versioning. Each stored batch keeps the version that wrote it; reads upgrade through
// one `migrate N -> N+1` step per version (Playwright's TraceModernizer), and newer versions are refused.
import { RECORDING_FORMAT_VERSION, type RecordedEvent } from '../../protocol/index.js';
import { StoreError } from './errors.js';

type Migration = (events: RecordedEvent[]) => RecordedEvent[];

/**
 * MIGRATIONS[n] turns format n into format n + 1. v1 is current, so the chain is empty; format 2 adds
 * `1: migrate1to2` here and bumps RECORDING_FORMAT_VERSION in protocol/ingest.ts.
 */
const MIGRATIONS: Record<number, Migration> = {};

export function assertSupportedFormat(formatVersion: number): void {
  if (!Number.isInteger(formatVersion) || formatVersion < 1) {
    throw new StoreError('FORMAT_INVALID', `Cannot store recording: formatVersion must be a whole number >= 1, got ${formatVersion}.`);
  }
  if (formatVersion > RECORDING_FORMAT_VERSION) {
    throw new StoreError(
      'FORMAT_TOO_NEW',
      `Cannot store recording: it uses format version ${formatVersion}, but this server reads up to version ${RECORDING_FORMAT_VERSION}. Upgrade the Reprise server to a version that matches the recorder.`,
    );
  }
}

export function upgradeEvents(events: RecordedEvent[], fromVersion: number): RecordedEvent[] {
  assertSupportedFormat(fromVersion);
  let upgraded = events;
  for (let version = fromVersion; version < RECORDING_FORMAT_VERSION; version++) {
    const migrate = MIGRATIONS[version];
    if (!migrate) throw new StoreError('FORMAT_INVALID', `No migration from recording format ${version} to ${version + 1}.`);
    upgraded = migrate(upgraded);
  }
  return upgraded;
}
