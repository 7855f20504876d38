import { useCallback, useEffect, useState } from 'react';

export type Loadable<T> = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; data: T };

/**
 * Load something from the API when `key` changes; aborts the previous request. `reload` fetches
 * again (after a review, say) without flashing the loading state; `update` changes the data in place.
 */
export function useApi<T>(load: (signal: AbortSignal) => Promise<T>, key: string): [Loadable<T>, () => void, (change: (data: T) => T) => void] {
  const [held, setHeld] = useState<{ key: string; result: Loadable<T> } | null>(null);
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal).then(
      (data) => setHeld({ key, result: { state: 'ready', data } }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setHeld({ key, result: { state: 'error', message: error instanceof Error ? error.message : String(error) } });
      },
    );
    return () => controller.abort();
    // `load` is a new closure on every render; `key` says when it asks for something else.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, generation]);
  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  const update = useCallback((change: (data: T) => T) => setHeld((previous) => (previous && previous.result.state === 'ready' ? { key: previous.key, result: { state: 'ready', data: change(previous.result.data) } } : previous)), []);
  return [held && held.key === key ? held.result : { state: 'loading' }, reload, update];
}
