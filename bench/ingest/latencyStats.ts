// Percentiles over latency samples (nearest-rank), kept apart so the load client and the tests share them.
export function percentile(sortedValues: readonly number[], fraction: number): number {
  if (!sortedValues.length) return Number.NaN;
  const rank = Math.min(sortedValues.length - 1, Math.max(0, Math.ceil(fraction * sortedValues.length) - 1));
  return sortedValues[rank]!;
}
