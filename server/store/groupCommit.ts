// Group commit: writes submitted during one turn of the event loop are committed together, so that one
// fsync (synchronous=FULL) covers many ingest batches instead of one each. Every caller still resolves only
// after the commit that holds its write, and a write that fails is rejected alone (its savepoint rolls back).
export type CommitOutcome<Result> = { ok: true; value: Result } | { ok: false; error: unknown };

export class GroupCommit<Item, Result> {
  private pending: { item: Item; resolve: (value: Result) => void; reject: (error: unknown) => void }[] = [];

  /** `commitGroup` runs synchronously in one transaction and returns one outcome per item, in order. */
  constructor(private readonly commitGroup: (items: Item[]) => CommitOutcome<Result>[]) {}

  submit(item: Item): Promise<Result> {
    return new Promise((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      // setImmediate runs after the poll phase: every request that became readable meanwhile joins this group.
      if (this.pending.length === 1) setImmediate(() => this.flush());
    });
  }

  private flush(): void {
    const group = this.pending;
    this.pending = [];
    let outcomes: CommitOutcome<Result>[];
    try {
      outcomes = this.commitGroup(group.map((entry) => entry.item));
    } catch (error) {
      for (const entry of group) entry.reject(error);
      return;
    }
    group.forEach((entry, index) => {
      const outcome = outcomes[index]!;
      if (outcome.ok) entry.resolve(outcome.value);
      else entry.reject(outcome.error);
    });
  }
}
