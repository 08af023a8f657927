import type { RunTarget } from '../../../protocol/api.js';
import { shortUrl } from '../format.js';

/** A run target as "host/path" plus the commit, branch and PR that produced it when known. */
export function TargetLabel({ target }: { target: RunTarget }) {
  return (
    <span class="target">
      <span class="target-url" title={target.url}>
        {shortUrl(target.url)}
      </span>
      {(target.branch || target.commit || target.pullRequest !== undefined) && (
        <span class="target-meta">
          {target.branch && <span>{target.branch}</span>}
          {target.commit && <code>{target.commit.slice(0, 7)}</code>}
          {target.pullRequest !== undefined && <span>PR #{target.pullRequest}</span>}
        </span>
      )}
    </span>
  );
}
