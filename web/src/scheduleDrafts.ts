// The schedules editor's rows: what the form edits, and what PUT /api/schedules receives.
import type { ScheduleDefinition, ScheduleStatus } from '../../protocol/api.js';

export interface ScheduleDraft {
  /** Stable row identity for rendering while rows are added and removed. */
  key: string;
  cron: string;
  candidateUrl: string;
  baselineUrl: string;
  /** The server's view of this row when it is unchanged since the last load or save. */
  saved?: ScheduleStatus;
}

let nextKey = 0;
const newKey = () => `schedule-${++nextKey}`;

export function draftsFromStatus(items: ScheduleStatus[]): ScheduleDraft[] {
  return items.map((item) => ({ key: newKey(), cron: item.cron, candidateUrl: item.candidateUrl, baselineUrl: item.baselineUrl ?? '', saved: item }));
}

export function emptyDraft(): ScheduleDraft {
  return { key: newKey(), cron: '0 3 * * *', candidateUrl: '', baselineUrl: '' };
}

/** Applies one field edit; the row's next run times are forgotten until it is saved again. */
export function editDraft(drafts: ScheduleDraft[], key: string, field: 'cron' | 'candidateUrl' | 'baselineUrl', value: string): ScheduleDraft[] {
  return drafts.map((draft) => (draft.key === key ? { ...draft, [field]: value, saved: undefined } : draft));
}

/** Trimmed definitions in row order; an empty baseline means "the project's baseline" and is left out. */
export function schedulesToSave(drafts: ScheduleDraft[]): ScheduleDefinition[] {
  return drafts.map((draft) => {
    const baselineUrl = draft.baselineUrl.trim();
    return { cron: draft.cron.trim(), candidateUrl: draft.candidateUrl.trim(), ...(baselineUrl ? { baselineUrl } : {}) };
  });
}
