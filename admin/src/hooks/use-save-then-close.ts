import type { HttpError } from "@refinedev/core";
import { useCallback, useState } from "react";

/** A modal's save: `run` closes it once the save succeeds, or keeps the database's message in `error`. */
export function useSaveThenClose(onClose: () => void) {
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const clearError = useCallback(() => setError(null), []);
  const run = async (save: () => Promise<unknown>) => {
    setSaving(true);
    setError(null);
    try {
      await save();
      onClose();
    } catch (e) {
      setError((e as HttpError).message);
    } finally {
      setSaving(false);
    }
  };
  return { saving, error, clearError, run };
}
