// Word-level diff of visible text: common prefix and suffix trimmed, LCS on the rest.

export interface TextHunk {
  /** Position in the baseline's words where the change starts, and where it ends (exclusive). */
  baseStart: number;
  baseEnd: number;
  removed: string[];
  added: string[];
}

// Past this many cells the LCS table costs more than it tells: the middle becomes one hunk.
const MAX_LCS_CELLS = 4_000_000;

export function wordDiff(baseline: string[], candidate: string[]): TextHunk[] {
  let prefix = 0;
  while (prefix < baseline.length && prefix < candidate.length && baseline[prefix] === candidate[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < baseline.length - prefix &&
    suffix < candidate.length - prefix &&
    baseline[baseline.length - 1 - suffix] === candidate[candidate.length - 1 - suffix]
  ) suffix++;
  const base = baseline.slice(prefix, baseline.length - suffix);
  const cand = candidate.slice(prefix, candidate.length - suffix);
  if (!base.length && !cand.length) return [];
  if (!base.length || !cand.length || base.length * cand.length > MAX_LCS_CELLS) {
    return [{ baseStart: prefix, baseEnd: prefix + base.length, removed: base, added: cand }];
  }
  return lcsHunks(base, cand).map((hunk) => ({ ...hunk, baseStart: hunk.baseStart + prefix, baseEnd: hunk.baseEnd + prefix }));
}

function lcsHunks(base: string[], cand: string[]): TextHunk[] {
  const rows = base.length + 1;
  const columns = cand.length + 1;
  const table = new Uint32Array(rows * columns);
  for (let i = base.length - 1; i >= 0; i--) {
    for (let j = cand.length - 1; j >= 0; j--) {
      table[i * columns + j] =
        base[i] === cand[j] ? table[(i + 1) * columns + j + 1] + 1 : Math.max(table[(i + 1) * columns + j], table[i * columns + j + 1]);
    }
  }
  const hunks: TextHunk[] = [];
  let open: TextHunk | undefined;
  let i = 0;
  let j = 0;
  const flush = () => {
    if (open) hunks.push(open);
    open = undefined;
  };
  while (i < base.length || j < cand.length) {
    if (i < base.length && j < cand.length && base[i] === cand[j]) {
      flush();
      i++;
      j++;
    } else if (j < cand.length && (i === base.length || table[i * columns + j + 1] >= table[(i + 1) * columns + j])) {
      open ??= { baseStart: i, baseEnd: i, removed: [], added: [] };
      open.added.push(cand[j++]);
    } else {
      open ??= { baseStart: i, baseEnd: i, removed: [], added: [] };
      open.removed.push(base[i++]);
      open.baseEnd = i;
    }
  }
  flush();
  return hunks;
}

/** "'Free shipping' → 'Shipping $5'; removed 'In stock'" for up to three hunks. */
export function summarizeHunks(hunks: TextHunk[]): string {
  const parts = hunks.slice(0, 3).map((hunk) => {
    if (hunk.removed.length && hunk.added.length) return `'${clip(hunk.removed)}' → '${clip(hunk.added)}'`;
    if (hunk.removed.length) return `removed '${clip(hunk.removed)}'`;
    return `added '${clip(hunk.added)}'`;
  });
  const more = hunks.length > 3 ? ` and ${hunks.length - 3} more change(s)` : '';
  return parts.join('; ') + more;
}

function clip(words: string[]): string {
  const text = words.slice(0, 8).join(' ');
  const clipped = text.length > 60 ? `${text.slice(0, 57)}…` : text;
  return words.length > 8 && !clipped.endsWith('…') ? `${clipped}…` : clipped;
}
