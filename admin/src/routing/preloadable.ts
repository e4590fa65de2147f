import { createElement, lazy, useState, type ComponentType } from "react";

export interface Preloadable<P extends object> {
  (props: P): ReturnType<typeof createElement>;
  /** Fetches the component's chunk once; rendering after it resolved does not suspend. */
  load: () => Promise<{ default: ComponentType<P> }>;
}

/**
 * React.lazy that renders at once when its chunk has already loaded (start-up preloads the shell
 * and the page being opened). A lazy component suspends on its first render even then, and React
 * holds content that replaces a Suspense fallback until 300 ms after the fallback appeared: on
 * the 销控表 that was ~140 ms of an idle page on every full load.
 */
export function preloadable<P extends object>(load: () => Promise<{ default: ComponentType<P> }>): Preloadable<P> {
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
  const Lazy = lazy(loadOnce);
  function PreloadableComponent(props: P) {
    // Chosen once per mount: switching from Lazy to the loaded component would remount the page.
    const [Component] = useState<ComponentType<P>>(() => loaded ?? Lazy);
    return createElement(Component, props);
  }
  return Object.assign(PreloadableComponent, { load: loadOnce });
}
