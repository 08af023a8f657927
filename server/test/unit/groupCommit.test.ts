import { describe, expect, it } from 'vitest';
import { GroupCommit, type CommitOutcome } from '../../store/groupCommit.js';

describe('server/store | GroupCommit', () => {
  it('commits the writes of one event-loop turn together and rejects a failed write alone', async () => {
    const groups: number[][] = [];
    const commit = new GroupCommit<number, string>((items) => {
      groups.push(items);
      return items.map((item): CommitOutcome<string> => (item < 0 ? { ok: false, error: new Error(`negative ${item}`) } : { ok: true, value: `stored ${item}` }));
    });
    const first = [commit.submit(1), commit.submit(-2), commit.submit(3)];
    const settled = await Promise.allSettled(first);
    expect(settled.map((entry) => (entry.status === 'fulfilled' ? entry.value : (entry.reason as Error).message))).toEqual(['stored 1', 'negative -2', 'stored 3']);
    expect(await commit.submit(4)).toBe('stored 4');
    expect(groups).toEqual([[1, -2, 3], [4]]);
  });

  it('rejects every write of a group whose commit throws', async () => {
    const commit = new GroupCommit<number, number>(() => {
      throw new Error('disk full');
    });
    await expect(Promise.all([commit.submit(1), commit.submit(2)])).rejects.toThrow('disk full');
    await expect(commit.submit(3)).rejects.toThrow('disk full');
  });
});
