import { CustomTag, EventType, type NetworkRecord, type RecordedEvent } from '../protocol/index.js';

/** The fetch/xhr exchanges a session recorded (its `reprise.network` events), in the order they started. */
export function recordedNetworkOf(events: readonly RecordedEvent[]): NetworkRecord[] {
  const records: NetworkRecord[] = [];
  for (const event of events) {
    if (event.type !== EventType.Custom || event.data?.tag !== CustomTag.network) continue;
    const record = event.data.payload as NetworkRecord | undefined;
    if (record && typeof record.method === 'string' && typeof record.url === 'string' && typeof record.status === 'number') records.push(record);
  }
  return records.sort((a, b) => (a.startedAt ?? 0) - (b.startedAt ?? 0));
}
