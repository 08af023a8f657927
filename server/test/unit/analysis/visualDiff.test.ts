import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { visualDiff } from '../../../analysis/index.js';

const WHITE = { r: 255, g: 255, b: 255, alpha: 1 };

async function blankPng(width: number, height: number): Promise<Uint8Array> {
  return new Uint8Array(await sharp({ create: { width, height, channels: 4, background: WHITE } }).png().toBuffer());
}

async function withRect(width: number, height: number, rect: { left: number; top: number; width: number; height: number }, colour = { r: 220, g: 0, b: 0, alpha: 1 }): Promise<Uint8Array> {
  const block = await sharp({ create: { width: rect.width, height: rect.height, channels: 4, background: colour } }).png().toBuffer();
  return new Uint8Array(
    await sharp({ create: { width, height, channels: 4, background: WHITE } })
      .composite([{ input: block, left: rect.left, top: rect.top }])
      .png()
      .toBuffer(),
  );
}

describe('analysis | visualDiff', () => {
  it('reports byte-identical images as identical without decoding them', async () => {
    const png = await blankPng(64, 48);
    const result = await visualDiff(png, Uint8Array.from(png));
    expect(result).toMatchObject({ identical: true, changedRatio: 0, regions: [], width: 64, height: 48 });
    // Garbage that sharp could not decode proves the hash short-circuit: decoding would throw.
    const garbage = new Uint8Array([1, 2, 3, 4, 5]);
    expect((await visualDiff(garbage, Uint8Array.from(garbage))).identical).toBe(true);
  });

  it('finds a drawn red rectangle and boxes it, with a diff image', async () => {
    const before = await blankPng(200, 150);
    const after = await withRect(200, 150, { left: 60, top: 40, width: 50, height: 30 });
    const result = await visualDiff(before, after);
    expect(result.identical).toBe(false);
    expect(result.regions).toHaveLength(1);
    const [region] = result.regions;
    expect(Math.abs(region.x - 60)).toBeLessThanOrEqual(2);
    expect(Math.abs(region.y - 40)).toBeLessThanOrEqual(2);
    expect(Math.abs(region.width - 50)).toBeLessThanOrEqual(4);
    expect(Math.abs(region.height - 30)).toBeLessThanOrEqual(4);
    expect(result.changedRatio).toBeGreaterThan(0.03);
    expect(result.changedRatio).toBeLessThan(0.06);
    const meta = await sharp(result.diffPng!).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 200, 150]);
  });

  it('counts the part of a larger image outside the overlap as changed', async () => {
    const result = await visualDiff(await blankPng(100, 100), await blankPng(100, 150));
    expect(result.width).toBe(100);
    expect(result.height).toBe(150);
    expect(result.changedRatio).toBeCloseTo(50 / 150, 2);
    expect(result.regions[0]).toMatchObject({ x: 0, y: 100, width: 100, height: 50 });
  });

  it('tolerates a one-pixel edge shift but not a new thin line', async () => {
    const rect = { left: 40, top: 40, width: 60, height: 40 };
    const shifted = await visualDiff(await withRect(160, 120, rect), await withRect(160, 120, { ...rect, left: 41 }));
    expect(shifted.changedRatio).toBeLessThan(0.002);
    const line = await visualDiff(await blankPng(160, 120), await withRect(160, 120, { left: 10, top: 60, width: 140, height: 1 }, { r: 0, g: 0, b: 0, alpha: 1 }));
    expect(line.changedRatio).toBeGreaterThan(0.005);
  });

  it('leaves ignore regions out of the comparison', async () => {
    const after = await withRect(200, 150, { left: 60, top: 40, width: 50, height: 30 });
    const result = await visualDiff(await blankPng(200, 150), after, { ignoreRegions: [{ x: 50, y: 30, width: 80, height: 50 }] });
    expect(result.identical).toBe(true);
  });
});
