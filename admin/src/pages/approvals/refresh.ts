/** No realtime locally: lists that change under the user refresh on this interval. */
export const APPROVALS_REFRESH_MS = 15_000;
