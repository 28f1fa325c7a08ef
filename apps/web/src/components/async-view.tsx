import { type ReactNode, useEffect, useState } from 'react';
import { ApiError } from '../api/api-client';

export type Loaded<T> = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; value: T };

/** Loads what a page shows; `deps` reload it (a filter change, a saved command). */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): [Loaded<T>, () => void] {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let current = true;
    load().then(
      (value) => current && setLoaded({ state: 'ready', value }),
      (error: unknown) => current && setLoaded({ state: 'error', message: describeError(error) }),
    );
    return () => {
      current = false;
    };
  }, [...deps, tick]);
  return [loaded, () => setTick((t) => t + 1)];
}

export function describeError(error: unknown): string {
  if (error instanceof ApiError) return error.problem.detail ?? error.problem.title;
  return "Le serveur ne répond pas. Vérifiez votre connexion et réessayez.";
}

export function AsyncView<T>({ loaded, children }: { loaded: Loaded<T>; children: (value: T) => ReactNode }) {
  if (loaded.state === 'loading') return <p role="status">Chargement…</p>;
  if (loaded.state === 'error') return <p role="alert" className="error">{loaded.message}</p>;
  return <>{children(loaded.value)}</>;
}
