/**
 * The project chosen in the header, remembered in localStorage. A plain store (not only React
 * state) because the access-control provider reads it outside React.
 */
const STORAGE_KEY = "so.currentProjectId";
const listeners = new Set<() => void>();

function read(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

let current = read();

export const currentProjectStore = {
  get: (): string | null => current,
  set(projectId: string): void {
    if (projectId === current) return;
    current = projectId;
    try {
      window.localStorage.setItem(STORAGE_KEY, projectId);
    } catch {
      // private mode: the choice lasts for this tab only
    }
    for (const listener of listeners) listener();
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

/**
 * The project last in use and whose it was, remembered across reloads so that start-up work that
 * needs only the project (the 销控表's early request) can leave before the identity has loaded.
 * A hint, never a decision: the page still resolves the project from the identity, and the
 * database checks every request.
 */
const LAST_KEY = "so.lastProject";

export const lastProject = {
  get(userId: string): string | null {
    try {
      const last = JSON.parse(window.localStorage.getItem(LAST_KEY) ?? "null") as { userId?: string; projectId?: string } | null;
      return last?.userId === userId && typeof last.projectId === "string" ? last.projectId : null;
    } catch {
      return null;
    }
  },
  set(userId: string, projectId: string): void {
    try {
      window.localStorage.setItem(LAST_KEY, JSON.stringify({ userId, projectId }));
    } catch {
      // private mode: nothing remembered
    }
  },
};
