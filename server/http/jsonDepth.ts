// Recordings nest as deep as the page's DOM (about two JSON levels per element); nothing legitimate comes near
// this limit, while a crafted body nested tens of thousands deep would overflow the stack when re-serialized.
import { HttpError } from './httpError.js';

export const MAX_JSON_DEPTH = 2_000;

/** Throws 400 NESTING_TOO_DEEP when `value` nests deeper than `maxDepth`. Iterative: it cannot overflow itself. */
export function assertJsonDepth(value: unknown, what: string, maxDepth = MAX_JSON_DEPTH): void {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [item, depth] = stack.pop()!;
    if (item === null || typeof item !== 'object') continue;
    if (depth >= maxDepth) {
      throw new HttpError(400, 'NESTING_TOO_DEEP', `The ${what} nests deeper than ${maxDepth} levels of arrays and objects; no recording does. Check what produced it.`);
    }
    for (const child of Object.values(item)) if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
  }
}
