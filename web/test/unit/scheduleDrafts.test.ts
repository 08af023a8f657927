import { describe, expect, it } from 'vitest';
import { draftsFromStatus, editDraft, emptyDraft, schedulesToSave } from '../../src/scheduleDrafts.js';

describe('web | scheduleDrafts', () => {
  it('turns rows into trimmed definitions, leaving out an empty baseline, and forgets next runs on edit', () => {
    const [saved] = draftsFromStatus([{ index: 0, cron: '0 3 * * *', candidateUrl: 'https://a.example', nextRunAt: 1, upcoming: [1, 2, 3] }]);
    expect(saved.saved?.upcoming).toEqual([1, 2, 3]);
    const added = { ...emptyDraft(), candidateUrl: ' https://b.example ', baselineUrl: ' https://base.example ' };
    const edited = editDraft([saved, added], saved.key, 'cron', ' */5 * * * * ');
    expect(edited[0].saved).toBeUndefined();
    expect(schedulesToSave(edited)).toEqual([
      { cron: '*/5 * * * *', candidateUrl: 'https://a.example' },
      { cron: '0 3 * * *', candidateUrl: 'https://b.example', baselineUrl: 'https://base.example' },
    ]);
  });
});
