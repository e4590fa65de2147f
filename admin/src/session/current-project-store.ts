/**
 * The project chosen in the header, remembered in localStorage. A plain store (not only React
 * state) because the access-control provider reads it outside React.
 */
const STORAGE_KEY = "so.currentProjectId";
const listeners = new Set<() => void>();

function read(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string | null): void {
  try {
    if (value) window.localStorage.setItem(key, value);
    else window.localStorage.removeItem(key);
  } catch {
    // private mode: remembered for this tab only
  }
}

let current = read(STORAGE_KEY);

export const currentProjectStore = {
  get: (): string | null => current,
  set(projectId: string): void {
    if (projectId === current) return;
    current = projectId;
    write(STORAGE_KEY, projectId);
    for (const listener of listeners) listener();
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

/**
 * The project actually in use: the stored choice when the person still belongs to it, else
 * their first project (set by CurrentProjectProvider as it renders, before any page asks for
 * data). The data provider limits project-bound lists to it, and every cached query is kept
 * per project (`projectQueryHash`), so a page never shows another project's cached rows.
 */
const IN_USE_KEY = "so.projectInUse";
let inUse: string | null = null;
export const projectInUse = {
  get: (): string | null => inUse,
  set(projectId: string | null): void {
    if (projectId === inUse) return;
    inUse = projectId;
    write(IN_USE_KEY, projectId);
  },
  /**
   * The project in use when this browser last ran the admin, before the identity is known: only a
   * guess, for requests made early at start-up (the database still decides what the person may read).
   */
  lastSeen: (): string | null => read(IN_USE_KEY),
};

// Plain objects hash with sorted keys, as react-query's own hashKey does.
const sortedKeys = (_: string, value: unknown) =>
  value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype
    ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    : value;

/**
 * react-query's key hash, with the project in use in front of refine's data queries (keys
 * starting "data"): each project has its own cache entries. Auth and access queries are not
 * per project.
 */
export const projectQueryHash = (queryKey: readonly unknown[]): string =>
  JSON.stringify(queryKey[0] === "data" ? [inUse, ...queryKey] : queryKey, sortedKeys);
