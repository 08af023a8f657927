// Plays the original recording. Events and the player code load only when the panel is shown.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, messageOf } from '../api.js';
import { ErrorBox, Loading, Empty } from './status.js';

type PlayerState = { status: 'loading' } | { status: 'ready' } | { status: 'empty' } | { status: 'error'; error: string };

interface RecordingPlayerProps {
  project: string;
  sessionId: string;
  width?: number;
  height?: number;
}

export function RecordingPlayer({ project, sessionId, width = 640, height = 400 }: RecordingPlayerProps) {
  const container = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<PlayerState>({ status: 'loading' });

  useEffect(() => {
    let cancelled = false;
    let destroy: (() => void) | undefined;
    setState({ status: 'loading' });
    Promise.all([api.sessionEvents(project, sessionId), import('../recording/mountPlayer.js')])
      .then(([events, { mountPlayer }]) => {
        if (cancelled || !container.current) return;
        // rrweb needs a Meta and a FullSnapshot to rebuild anything; fewer than two events cannot play.
        if (events.length < 2) return setState({ status: 'empty' });
        container.current.replaceChildren();
        destroy = mountPlayer(container.current, events, { width, height }).destroy;
        setState({ status: 'ready' });
      })
      .catch((error: unknown) => {
        if (!cancelled) setState({ status: 'error', error: messageOf(error) });
      });
    return () => {
      cancelled = true;
      destroy?.();
    };
  }, [project, sessionId, width, height]);

  return (
    <div class="recording">
      {state.status === 'loading' && <Loading label="Loading recording…" />}
      {state.status === 'error' && <ErrorBox title="Cannot play this recording" message={state.error} />}
      {state.status === 'empty' && (
        <Empty title="Nothing to play">
          <p>The recording has too few events to rebuild the page.</p>
        </Empty>
      )}
      <div ref={container} class="recording-stage" />
    </div>
  );
}
