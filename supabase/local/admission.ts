/**
 * A first-come-first-served limit on requests in flight upstream, like nginx's `queue` in an
 * upstream block: beyond `limit` a request waits here, in arrival order, instead of thousands
 * of them racing inside PostgREST for its few database connections (in no order: the unlucky
 * waited longest, the p95 of opening day).
 */
export interface Admission {
  /**
   * Calls `go` when a place is free (at once if one is). The returned `leave` gives the place
   * back, or, if still waiting, leaves the queue; calling it more than once does nothing.
   */
  enter(go: () => void): () => void;
  readonly inFlight: number;
  readonly waiting: number;
}

export function createAdmission(limit: number): Admission {
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`admission limit must be a positive integer, got ${limit}`);
  let inFlight = 0;
  // A FIFO of waiting entries; `head` saves shifting a long array on every grant.
  const queue: ({ go: () => void } | undefined)[] = [];
  let head = 0;

  function next(): void {
    while (inFlight < limit && head < queue.length) {
      const entry = queue[head];
      queue[head++] = undefined;
      if (!entry) continue; // left while waiting
      inFlight++;
      entry.go();
    }
    if (head === queue.length) {
      queue.length = 0;
      head = 0;
    }
  }

  return {
    enter(go) {
      let state: "waiting" | "in" | "done" = "waiting";
      const entry = {
        go: () => {
          state = "in";
          go();
        },
      };
      const index = queue.push(entry) - 1;
      next();
      return () => {
        if (state === "in") {
          state = "done";
          inFlight--;
          next();
        } else if (state === "waiting") {
          state = "done";
          // The queue may have been compacted since: only clear the slot if it is still ours.
          if (queue[index] === entry) queue[index] = undefined;
        }
      };
    },
    get inFlight() {
      return inFlight;
    },
    get waiting() {
      let n = 0;
      for (let i = head; i < queue.length; i++) if (queue[i]) n++;
      return n;
    },
  };
}
