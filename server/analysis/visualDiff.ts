// Screenshot comparison: raw RGBA pixels, YIQ colour distance (as pixelmatch), anti-aliasing tolerance,
// changed areas clustered on a coarse grid. PNG decoding dominates the cost, so identical bytes never decode.
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import type { Rect } from '../../protocol/index.js';
import { clusterChangedCells, GRID_CELL_PX } from './clusterChangedCells.js';

export interface VisualDiffOptions {
  /** Colour distance threshold 0..1; like pixelmatch, 0.1 by default. */
  threshold?: number;
  ignoreRegions?: Rect[];
  /** Encode a diff image when something changed (default true). */
  diffImage?: boolean;
}

export interface VisualDiffResult {
  identical: boolean;
  /** Changed pixels over all pixels of the larger image. */
  changedRatio: number;
  regions: Rect[];
  width: number;
  height: number;
  diffPng?: Uint8Array;
}

const DEFAULT_THRESHOLD = 0.1;
// Largest possible YIQ delta between two colours (pixelmatch's constant).
const MAX_YIQ_DELTA = 35215;

interface RawImage {
  data: Buffer;
  width: number;
  height: number;
}

export async function visualDiff(a: Uint8Array, b: Uint8Array, options: VisualDiffOptions = {}): Promise<VisualDiffResult> {
  if (sha1(a) === sha1(b)) {
    const size = pngSize(a);
    return { identical: true, changedRatio: 0, regions: [], width: size.width, height: size.height };
  }
  const [imageA, imageB] = await Promise.all([decode(a), decode(b)]);
  const width = Math.max(imageA.width, imageB.width);
  const height = Math.max(imageA.height, imageB.height);
  const ignored = ignoreMask(width, height, options.ignoreRegions ?? []);
  const changed = new Uint8Array(width * height);
  const maxDelta = MAX_YIQ_DELTA * (options.threshold ?? DEFAULT_THRESHOLD) ** 2;
  const overlapWidth = Math.min(imageA.width, imageB.width);
  const overlapHeight = Math.min(imageA.height, imageB.height);
  let changedCount = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const pixel = y * width + x;
      if (ignored && ignored[pixel]) continue;
      const inOverlap = x < overlapWidth && y < overlapHeight;
      if (inOverlap) {
        const offsetA = (y * imageA.width + x) * 4;
        const offsetB = (y * imageB.width + x) * 4;
        if (colourDelta(imageA.data, offsetA, imageB.data, offsetB) <= maxDelta) continue;
        if (isAntiAliasShift(imageA, imageB, x, y, overlapWidth, overlapHeight, maxDelta)) continue;
      }
      changed[pixel] = 1;
      changedCount++;
    }
  }
  const regions = changedCount ? clusterChangedCells(changed, width, height, GRID_CELL_PX) : [];
  const result: VisualDiffResult = {
    identical: changedCount === 0,
    changedRatio: width * height ? changedCount / (width * height) : 0,
    regions,
    width,
    height,
  };
  if (changedCount && options.diffImage !== false) result.diffPng = await encodeDiffImage(imageB, changed, width, height);
  return result;
}

function sha1(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('hex');
}

/** Reads width and height from a PNG's IHDR without decoding; 0 when the bytes are not a PNG. */
function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const isPng = bytes.length >= 24 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47;
  if (!isPng) return { width: 0, height: 0 };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

async function decode(bytes: Uint8Array): Promise<RawImage> {
  const { data, info } = await sharp(bytes).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

function ignoreMask(width: number, height: number, regions: Rect[]): Uint8Array | undefined {
  if (!regions.length) return undefined;
  const mask = new Uint8Array(width * height);
  for (const region of regions) {
    const x0 = Math.max(0, Math.floor(region.x));
    const y0 = Math.max(0, Math.floor(region.y));
    const x1 = Math.min(width, Math.ceil(region.x + region.width));
    const y1 = Math.min(height, Math.ceil(region.y + region.height));
    for (let y = y0; y < y1; y++) mask.fill(1, y * width + x0, y * width + Math.max(x0, x1));
  }
  return mask;
}

/** Squared YIQ distance of two RGBA pixels, both blended onto white first. */
function colourDelta(a: Buffer, offsetA: number, b: Buffer, offsetB: number): number {
  const alphaA = a[offsetA + 3] / 255;
  const alphaB = b[offsetB + 3] / 255;
  const r1 = blend(a[offsetA], alphaA);
  const g1 = blend(a[offsetA + 1], alphaA);
  const b1 = blend(a[offsetA + 2], alphaA);
  const r2 = blend(b[offsetB], alphaB);
  const g2 = blend(b[offsetB + 1], alphaB);
  const b2 = blend(b[offsetB + 2], alphaB);
  const dr = r1 - r2;
  const dg = g1 - g2;
  const db = b1 - b2;
  const y = dr * 0.29889531 + dg * 0.58662247 + db * 0.11448223;
  const i = dr * 0.59597799 - dg * 0.2741761 - db * 0.32180189;
  const q = dr * 0.21147017 - dg * 0.52261711 + db * 0.31114694;
  return 0.5053 * y * y + 0.299 * i * i + 0.1957 * q * q;
}

function blend(channel: number, alpha: number): number {
  return 255 + (channel - 255) * alpha;
}

/**
 * A pixel that moved by one pixel (anti-aliased edges, sub-pixel layout) has its colour among the other image's
 * neighbours, both ways. A genuinely new thin line does not, because the baseline has no such colour nearby.
 */
function isAntiAliasShift(a: RawImage, b: RawImage, x: number, y: number, width: number, height: number, maxDelta: number): boolean {
  return (
    hasCloseNeighbour(a, (y * a.width + x) * 4, b, x, y, width, height, maxDelta) &&
    hasCloseNeighbour(b, (y * b.width + x) * 4, a, x, y, width, height, maxDelta)
  );
}

function hasCloseNeighbour(source: RawImage, offset: number, other: RawImage, x: number, y: number, width: number, height: number, maxDelta: number): boolean {
  for (let dy = -1; dy <= 1; dy++) {
    const ny = y + dy;
    if (ny < 0 || ny >= height) continue;
    for (let dx = -1; dx <= 1; dx++) {
      const nx = x + dx;
      if ((dx === 0 && dy === 0) || nx < 0 || nx >= width) continue;
      if (colourDelta(source.data, offset, other.data, (ny * other.width + nx) * 4) <= maxDelta) return true;
    }
  }
  return false;
}

/** The candidate dimmed to grey with changed pixels in red, so the change stands out against its context. */
async function encodeDiffImage(candidate: RawImage, changed: Uint8Array, width: number, height: number): Promise<Uint8Array> {
  const out = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const pixel = y * width + x;
      const target = pixel * 4;
      if (changed[pixel]) {
        out[target] = 255;
        out[target + 1] = 0;
        out[target + 2] = 0;
      } else {
        let grey = 255;
        if (x < candidate.width && y < candidate.height) {
          const source = (y * candidate.width + x) * 4;
          grey = 0.299 * candidate.data[source] + 0.587 * candidate.data[source + 1] + 0.114 * candidate.data[source + 2];
        }
        const dimmed = 255 - (255 - grey) * 0.3;
        out[target] = dimmed;
        out[target + 1] = dimmed;
        out[target + 2] = dimmed;
      }
      out[target + 3] = 255;
    }
  }
  const png = await sharp(out, { raw: { width, height, channels: 4 } }).png().toBuffer();
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
}
