// Loading, data and error state for one request, with stale responses ignored when inputs change.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { messageOf } from './api.js';

export type AsyncState<T> =
  | { status: 'loading'; data?: T }
  | { status: 'ok'; data: T }
  | { status: 'error'; error: string; data?: T };

export function useAsync<T>(load: () => Promise<T>, deps: unknown[]) {
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading' });
  const generation = useRef(0);
  const run = useCallback(() => {
    const mine = ++generation.current;
    setState((previous) => ({ status: 'loading', data: previous.data }));
    load().then(
      (data) => mine === generation.current && setState({ status: 'ok', data }),
      (error: unknown) => mine === generation.current && setState({ status: 'error', error: messageOf(error) }),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  useEffect(run, [run]);
  const setData = useCallback((update: (data: T) => T) => {
    setState((previous) => (previous.status === 'ok' ? { status: 'ok', data: update(previous.data) } : previous));
  }, []);
  return { state, reload: run, setData };
}
