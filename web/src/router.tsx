import { type AnchorHTMLAttributes, type MouseEvent, useEffect, useState } from "react";

/** Current location (path + search), updated on navigation. */
export function useLocation(): { path: string; search: URLSearchParams } {
  const [loc, setLoc] = useState(() => ({ path: window.location.pathname, search: window.location.search }));
  useEffect(() => {
    const update = () => setLoc({ path: window.location.pathname, search: window.location.search });
    window.addEventListener("popstate", update);
    window.addEventListener("sitrep:navigate", update);
    return () => {
      window.removeEventListener("popstate", update);
      window.removeEventListener("sitrep:navigate", update);
    };
  }, []);
  return { path: loc.path, search: new URLSearchParams(loc.search) };
}

/** Goes to an in-app URL without reloading. */
export function navigate(to: string, replace = false): void {
  if (replace) window.history.replaceState(null, "", to);
  else window.history.pushState(null, "", to);
  window.dispatchEvent(new Event("sitrep:navigate"));
  if (!replace) window.scrollTo(0, 0);
}

/** An in-app link: a real <a href> (keyboard, new tab) that navigates without reloading. */
export function Link(props: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const { onClick, ...rest } = props;
  const click = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(props.href);
  };
  return <a {...rest} href={props.href} onClick={click} />;
}
