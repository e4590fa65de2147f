import { createElement, useEffect, useState, type ComponentType, type ReactNode } from "react";
import { PageLoading } from "../components/page-loading.tsx";

export interface Preloadable<P extends object> {
  (props: P): ReactNode;
  /** Fetches the component's chunk once; rendering after it resolved shows the component at once. */
  load: () => Promise<{ default: ComponentType<P> }>;
}

/**
 * A component whose code loads on demand (start-up preloads the shell and the page being opened).
 * Loaded, it renders at once; still loading, it shows its placeholder and then the component as
 * soon as the chunk is there. Unlike React.lazy it never suspends: React holds content that
 * replaces a Suspense fallback until 300 ms after the fallback appeared, and on the 销控表 the
 * shell's chunk, still being evaluated when the sign-in check came back, cost ~300 ms of an idle
 * page on every full load. A chunk that fails to load is thrown to the nearest error boundary.
 */
export function preloadable<P extends object>(
  load: () => Promise<{ default: ComponentType<P> }>,
  placeholder: (props: P) => ReactNode = () => createElement(PageLoading),
): Preloadable<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<{ default: ComponentType<P> }> | undefined;
  const loadOnce = () =>
    (loading ??= load().then(
      (module) => {
        loaded = module.default;
        return module;
      },
      (error: unknown) => {
        loading = undefined; // a failed chunk request is tried again next time
        throw error;
      },
    ));
  function PreloadableComponent(props: P) {
    const [state, setState] = useState<{ Component?: ComponentType<P>; error?: unknown }>(() => ({ Component: loaded }));
    const waiting = !state.Component && state.error === undefined;
    useEffect(() => {
      if (!waiting) return;
      let mounted = true;
      loadOnce().then(
        (module) => mounted && setState({ Component: module.default }),
        (error: unknown) => mounted && setState({ error }),
      );
      return () => {
        mounted = false;
      };
    }, [waiting]);
    if (state.error !== undefined) throw state.error;
    return state.Component ? createElement(state.Component, props) : placeholder(props);
  }
  return Object.assign(PreloadableComponent, { load: loadOnce });
}
