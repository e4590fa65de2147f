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
