import { useEffect, useRef, useState } from "react";
import type { EventSummary } from "./api.ts";

/** Connection state of the live stream. */
export type StreamState = "connecting" | "live" | "reconnecting";

/** Subscribes to /api/stream and calls `onEvent` with each new or updated event summary. */
export function useEventStream(onEvent: (e: EventSummary) => void): StreamState {
  const [state, setState] = useState<StreamState>("connecting");
  const handler = useRef(onEvent);
  handler.current = onEvent;
  useEffect(() => {
    const source = new EventSource("/api/stream");
    source.addEventListener("ready", () => setState("live"));
    source.addEventListener("event", (m) => {
      try {
        handler.current(JSON.parse((m as MessageEvent<string>).data) as EventSummary);
      } catch {
        // A malformed frame is skipped; the next one may be fine.
      }
    });
    source.onerror = () => setState("reconnecting");
    source.onopen = () => setState("live");
    return () => source.close();
  }, []);
  return state;
}
