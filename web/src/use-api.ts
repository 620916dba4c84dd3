import { useCallback, useEffect, useState } from "react";
import { api } from "./api.ts";

/** Loading state of one API call. */
export type Loaded<T> = { state: "loading" } | { state: "error"; error: Error } | { state: "ok"; data: T };

type Held<T> = { path: string | null; result: Loaded<T> };

/** Fetches `path` (null = nothing to fetch) and refetches when it changes; `reload` fetches again quietly. */
export function useApi<T>(path: string | null): Loaded<T> & { reload: () => void } {
  const [held, setHeld] = useState<Held<T>>({ path: null, result: { state: "loading" } });
  const [tick, setTick] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: tick forces a refetch
  useEffect(() => {
    if (path === null) return;
    let live = true;
    api<T>(path).then(
      (data) => live && setHeld({ path, result: { state: "ok", data } }),
      (error: Error) => live && setHeld({ path, result: { state: "error", error } }),
    );
    return () => {
      live = false;
    };
  }, [path, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  const result: Loaded<T> = held.path === path ? held.result : { state: "loading" };
  return { ...result, reload };
}
