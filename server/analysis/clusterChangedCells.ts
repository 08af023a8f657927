// Groups changed pixels into rectangles: mark coarse grid cells, then join touching cells (8-connected).
import type { Rect } from '../../protocol/index.js';

export const GRID_CELL_PX = 16;

export function clusterChangedCells(changed: Uint8Array, width: number, height: number, cellPx: number): Rect[] {
  const columns = Math.ceil(width / cellPx);
  const rows = Math.ceil(height / cellPx);
  const cells = new Uint8Array(columns * rows);
  // Tight pixel bounds per cell, so a region hugs the change instead of the grid.
  const minX = new Int32Array(columns * rows).fill(width);
  const minY = new Int32Array(columns * rows).fill(height);
  const maxX = new Int32Array(columns * rows).fill(-1);
  const maxY = new Int32Array(columns * rows).fill(-1);
  for (let y = 0; y < height; y++) {
    const row = ((y / cellPx) | 0) * columns;
    for (let x = 0; x < width; x++) {
      if (!changed[y * width + x]) continue;
      const cell = row + ((x / cellPx) | 0);
      cells[cell] = 1;
      if (x < minX[cell]) minX[cell] = x;
      if (x > maxX[cell]) maxX[cell] = x;
      if (y < minY[cell]) minY[cell] = y;
      if (y > maxY[cell]) maxY[cell] = y;
    }
  }
  const regions: Rect[] = [];
  const visited = new Uint8Array(columns * rows);
  const queue = new Int32Array(columns * rows);
  for (let start = 0; start < cells.length; start++) {
    if (!cells[start] || visited[start]) continue;
    let head = 0;
    let tail = 0;
    queue[tail++] = start;
    visited[start] = 1;
    let x0 = width;
    let y0 = height;
    let x1 = -1;
    let y1 = -1;
    while (head < tail) {
      const cell = queue[head++];
      x0 = Math.min(x0, minX[cell]);
      y0 = Math.min(y0, minY[cell]);
      x1 = Math.max(x1, maxX[cell]);
      y1 = Math.max(y1, maxY[cell]);
      const column = cell % columns;
      const row = (cell / columns) | 0;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const nextColumn = column + dx;
          const nextRow = row + dy;
          if (nextColumn < 0 || nextColumn >= columns || nextRow < 0 || nextRow >= rows) continue;
          const next = nextRow * columns + nextColumn;
          if (cells[next] && !visited[next]) {
            visited[next] = 1;
            queue[tail++] = next;
          }
        }
      }
    }
    regions.push({ x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1 });
  }
  return regions.sort((left, right) => right.width * right.height - left.width * left.height);
}
