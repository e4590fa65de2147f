import { GrammyError } from "grammy";

/** Telegram said the edit would change nothing: the message already shows it. */
export const notModified = (error: unknown) =>
  error instanceof GrammyError && error.error_code === 400 && /message is not modified/i.test(error.description);

/**
 * A send that can never succeed: the person blocked the bot, deleted their account, or the chat
 * does not exist. Retrying is pointless; the row is failed at once.
 */
export const permanent = (error: unknown) =>
  error instanceof GrammyError &&
  (error.error_code === 403 || (error.error_code === 400 && /chat not found|user is deactivated|bot was blocked/i.test(error.description)));

export const describe = (error: unknown) =>
  error instanceof GrammyError ? `${error.error_code}: ${error.description}` : error instanceof Error ? error.message : String(error);

/** Telegram's flood limit (429): how many seconds it asks us to wait, when it says. */
export const retryAfter = (error: unknown): number | null =>
  error instanceof GrammyError && error.error_code === 429 && typeof error.parameters?.retry_after === "number" ? error.parameters.retry_after : null;
