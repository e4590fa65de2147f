import { InlineKeyboard } from "grammy";
import { callbackData } from "./callback-data.ts";
import { fromShortId, shortId } from "./short-id.ts";

/**
 * Buttons about one of my discount requests: `rq:<request>:s` 起草认购, `rq:<request>:r` 重新申请
 * (the request id in 22 characters). The tap is checked against the database before anything starts.
 */
export const requestData = callbackData("rq", ["request", "action"]);

export type RequestAction = "subscribe" | "reapply";
const ACTIONS: Record<string, RequestAction> = { s: "subscribe", r: "reapply" };
const CODES: Record<RequestAction, string> = { subscribe: "s", reapply: "r" };

export const requestButton = (text: string, requestId: string, action: RequestAction) => ({
  text,
  callback_data: requestData.pack({ request: shortId(requestId), action: CODES[action] }),
});

export function requestKeyboard(buttons: { text: string; requestId: string; action: RequestAction }[]): InlineKeyboard {
  return InlineKeyboard.from(buttons.map((b) => [requestButton(b.text, b.requestId, b.action)]));
}

export function unpackRequest(data: string | undefined): { requestId: string; action: RequestAction } | null {
  const v = requestData.unpack(data);
  const requestId = fromShortId(v?.request);
  const action = v ? ACTIONS[v.action] : undefined;
  return requestId && action ? { requestId, action } : null;
}
