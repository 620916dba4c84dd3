import type { ReactNode } from "react";
import type { Loaded } from "../use-api.ts";

/** A quiet loading line. */
export function Loading({ what = "Loading" }: { what?: string }) {
  return (
    <p className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" /> {what}…
    </p>
  );
}

/** An empty state with a hint of what to do. */
export function Empty({ children }: { children: ReactNode }) {
  return <div className="state state-empty">{children}</div>;
}

/** An error with the server's message and a retry button. */
export function ErrorView({ error, retry }: { error: Error; retry?: () => void }) {
  return (
    <div className="state state-error" role="alert">
      <strong>Could not load this.</strong> {error.message}
      {retry && (
        <button type="button" className="btn btn-small" onClick={retry}>
          Retry
        </button>
      )}
    </div>
  );
}

/** Renders loading, error or the data. */
export function Show<T>({
  loaded,
  children,
  what,
}: {
  loaded: Loaded<T> & { reload?: () => void };
  children: (data: T) => ReactNode;
  what?: string;
}) {
  if (loaded.state === "loading") return <Loading what={what} />;
  if (loaded.state === "error") return <ErrorView error={loaded.error} retry={loaded.reload} />;
  return <>{children(loaded.data)}</>;
}
