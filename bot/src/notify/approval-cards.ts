import type { Json } from "@so/shared/database.types";
import type { Api } from "grammy";
import type { Db } from "../db/clients.ts";
import { DbFailure } from "../db/errors.ts";
import { approvalCardText, cardIsLive, type ApprovalCard, type ApprovalState } from "../features/approvals/card.ts";
import { fingerprint } from "../features/common/format.ts";
import { isLocale, translator, type Locale } from "../i18n/index.ts";
import { approvalKeyboard } from "../keyboards/approvals.ts";
import type { Logger } from "../logger.ts";
import { describe, notModified } from "./telegram-errors.ts";

interface CardRow {
  id: number;
  chat_id: number;
  message_id: number;
  locale: string;
  card: ApprovalCard;
  shown: string | null;
}

/**
 * The approval cards the bot has sent, kept in `bot_cards` (chat + message per card), so that a
 * decision — in the bot or in the admin — redraws every card about that approval with where it
 * stands now, and the buttons stay only on the current step's cards while the approval is pending.
 */
export class ApprovalCards {
  constructor(
    private readonly service: Db,
    private readonly api: Api,
    private readonly logger: Logger,
  ) {}

  async state(approvalId: string): Promise<ApprovalState | null> {
    const { data, error } = await this.service
      .from("approval_overview")
      .select("status, effective_status, current_step_id, steps")
      .eq("id", approvalId)
      .maybeSingle<ApprovalState>();
    if (error) throw new DbFailure("approval state", error);
    return data;
  }

  private draw(card: ApprovalCard, state: ApprovalState | null, locale: Locale) {
    const t = translator(locale);
    const text = approvalCardText(t, locale, card, state);
    const live = cardIsLive(card, state);
    return { text, live, markup: live ? approvalKeyboard(t, card.approval_id, card.step_id) : undefined, shown: fingerprint(`${live}|${text}`) };
  }

  /** Send a card to a person and remember it. */
  async send(chatId: number, staffId: string, locale: Locale, card: ApprovalCard): Promise<void> {
    const asOf = new Date(Date.now() - 5_000).toISOString();
    const drawn = this.draw(card, await this.state(card.approval_id), locale);
    const message = await this.api.sendMessage(chatId, drawn.text, { reply_markup: drawn.markup });
    const { error } = await this.service.from("bot_cards").insert({
      approval_id: card.approval_id, step_id: card.step_id, staff_id: staffId, chat_id: chatId,
      message_id: message.message_id, locale, card: card as unknown as Json, shown: drawn.shown, live: drawn.live, updated_at: asOf,
    });
    if (error) throw new DbFailure("record approval card", error);
  }

  /** Redraw every card of the approval whose picture changed. */
  async refresh(approvalId: string): Promise<void> {
    // Drawn "as of" a little before the state is read, so a decision made meanwhile is redrawn next round.
    const asOf = new Date(Date.now() - 5_000).toISOString();
    const { data, error } = await this.service
      .from("bot_cards")
      .select("id, chat_id, message_id, locale, card, shown")
      .eq("approval_id", approvalId)
      .order("id");
    if (error) throw new DbFailure("approval cards", error);
    const cards = (data ?? []) as unknown as CardRow[];
    if (cards.length === 0) return;
    const state = await this.state(approvalId);
    for (const row of cards) {
      const drawn = this.draw(row.card, state, isLocale(row.locale) ? row.locale : "zh-CN");
      if (drawn.shown === row.shown) continue;
      try {
        await this.api.editMessageText(Number(row.chat_id), Number(row.message_id), drawn.text, { reply_markup: drawn.markup });
      } catch (e) {
        if (!notModified(e)) this.logger.warn(`Could not update approval card ${row.chat_id}/${row.message_id}: ${describe(e)}`);
      }
      const update = await this.service.from("bot_cards").update({ shown: drawn.shown, live: drawn.live }).eq("id", row.id);
      if (update.error) throw new DbFailure("update approval card", update.error);
    }
    const touched = await this.service.from("bot_cards").update({ updated_at: asOf }).eq("approval_id", approvalId);
    if (touched.error) throw new DbFailure("touch approval cards", touched.error);
  }

  /**
   * Redraw the cards of approvals that changed since their cards were drawn — decided in the admin,
   * withdrawn, or lapsed with nobody tapping.
   */
  async redrawStale(): Promise<number> {
    const { data, error } = await this.service.rpc("approval_cards_to_redraw", { p_limit: 50 });
    if (error) throw new DbFailure("approval_cards_to_redraw", error);
    const ids = (data ?? []) as string[];
    for (const id of ids) await this.refresh(id);
    return ids.length;
  }
}
