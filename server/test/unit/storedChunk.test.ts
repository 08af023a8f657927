import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { StoreError } from '../../store/index.js';
import { decodeChunk, encodeChunk } from '../../store/storedChunk.js';
import { batch, custom } from '../helpers/batches.js';

describe('server/store | storedChunk', () => {
  const events = [custom('reprise.track', { name: 'a', events: ['nested'] }, 1)];

  it('reads an events array and an envelope alike, leading spaces and byte order mark included', () => {
    expect(decodeChunk(gzipSync(JSON.stringify(events)), 1)).toEqual(events);
    expect(decodeChunk(gzipSync(`\ufeff \n{"seq":0,"events":${JSON.stringify(events)}}`), 1)).toEqual(events);
  });

  it('stores the envelope given, else compresses the events', async () => {
    const envelope = gzipSync(`{"events":${JSON.stringify(events)}}`);
    expect(await encodeChunk(batch('chunk-1', 0, events), { envelopeGzip: envelope })).toBe(envelope);
    expect(decodeChunk(await encodeChunk(batch('chunk-1', 0, events)), 1)).toEqual(events);
  });

  it('refuses a chunk that holds neither, saying what it found', () => {
    const read = () => decodeChunk(gzipSync('{"seq":0}'), 1);
    expect(read).toThrow(StoreError);
    expect(read).toThrow(/expected an events array or an object with "events", found \{"seq":0\}/);
  });
});
