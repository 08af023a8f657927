// Run progress for `reprise ci`: a redrawn bar on a terminal, plain lines (one per change) in CI logs.

export interface ProgressOutput {
  isTTY?: boolean;
  write(text: string): unknown;
}

export interface ProgressReporter {
  update(done: number, total: number): void;
  /** Ends the bar's line so the next output starts on its own. */
  finish(): void;
}

const BAR_WIDTH = 30;

export function createProgressReporter(output: ProgressOutput): ProgressReporter {
  let last = '';
  let drawn = false;
  return {
    update(done, total) {
      const key = `${done}/${total}`;
      if (key === last) return;
      last = key;
      if (!output.isTTY) {
        output.write(`  ${done}/${total} sessions done\n`);
        return;
      }
      const filled = total > 0 ? Math.round((done / total) * BAR_WIDTH) : 0;
      const percent = total > 0 ? Math.round((done / total) * 100) : 0;
      output.write(`\r  [${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${done}/${total} sessions ${percent}%`);
      drawn = true;
    },
    finish() {
      if (drawn) output.write('\n');
      drawn = false;
    },
  };
}
