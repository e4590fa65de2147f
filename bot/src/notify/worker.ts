import { MANAGER_ROLES } from "@so/shared/enums";
import { InlineKeyboard, type Api } from "grammy";
import type { Db, Rpc, RpcArgs } from "../db/clients.ts";
import { DbFailure } from "../db/errors.ts";
import type { StaffClients } from "../db/staff-clients.ts";
import type { ApprovalCard } from "../features/approvals/card.ts";
import { agendaIsEmpty, agendaText, loadAgenda } from "../features/today/agenda.ts";
import { resolveLocale, translator, type Locale } from "../i18n/index.ts";
import { openApprovalButton } from "../keyboards/approvals.ts";
import { deadlineKeyboard } from "../keyboards/deadline.ts";
import { requestKeyboard } from "../keyboards/requests.ts";
import { collisionKeyboard } from "../features/roles/collisions.ts";
import { dailyText, loadDaily } from "../features/roles/daily.ts";
import { unitCardKeyboard } from "../keyboards/units.ts";
import type { Logger } from "../logger.ts";
import { ApprovalCards } from "./approval-cards.ts";
import { notificationText } from "./render.ts";
import { describe, permanent, retryAfter } from "./telegram-errors.ts";

/** A claimed outbox row (claim_notifications). */
export interface Claimed {
  id: number;
  recipient_id: string;
  project_id: string | null;
  kind: string;
  payload: Record<string, any>;
  attempts: number;
  telegram_user_id: number;
  recipient_name: string;
  recipient_email: string;
  staff_locale: string | null;
  chosen_locale: string | null;
  app_language: string | null;
}

export interface OutboxOptions {
  /** Rows claimed per round. */
  batchSize?: number;
  /** Tries before a row is failed for good. */
  maxAttempts?: number;
  /** Back-off base: the n-th retry waits base × 2^(n−1) seconds. */
  backoffSeconds?: number;
  /** How long a claimed row stays hidden from other bot instances while it is being sent. */
  leaseSeconds?: number;
  /** Deliver only this person's rows (the terminal console). */
  recipientId?: string | null;
}

export interface OutboxDeps {
  api: Api;
  service: Db;
  staffClients: StaffClients;
  logger: Logger;
}

export interface RoundResult {
  claimed: number;
  sent: number;
  retrying: number;
  failed: number;
}

/**
 * Delivers the database's outbox: claims due rows (for update skip locked, several bot instances
 * share the work), sends each in the recipient's language, marks it sent, or failed with
 * back-off until the last try. Rows written while the bot was down are simply due.
 */
export class OutboxWorker {
  private readonly cards: ApprovalCards;
  private readonly opts: Required<OutboxOptions>;

  constructor(private readonly deps: OutboxDeps, options: OutboxOptions = {}) {
    this.cards = new ApprovalCards(deps.service, deps.api, deps.logger);
    this.opts = { batchSize: 20, maxAttempts: 5, backoffSeconds: 30, leaseSeconds: 120, recipientId: null, ...options };
  }

  /** One round: claim a batch and deliver it. */
  async round(): Promise<RoundResult> {
    const { data, error } = await this.deps.service.rpc("claim_notifications", {
      p_limit: this.opts.batchSize, p_lease_seconds: this.opts.leaseSeconds, p_recipient: this.opts.recipientId ?? undefined,
    });
    if (error) throw new DbFailure("claim_notifications", error);
    const rows = (data ?? []) as Claimed[];
    const result: RoundResult = { claimed: rows.length, sent: 0, retrying: 0, failed: 0 };
    for (const row of rows) {
      try {
        await this.deliver(row);
        await this.mark("mark_notification_sent", { p_id: row.id });
        result.sent++;
      } catch (e) {
        const status = await this.fail(row, e);
        if (status === "failed") result.failed++;
        else result.retrying++;
      }
    }
    await this.cards.redrawStale().catch((e) => this.deps.logger.warn(`Could not redraw approval cards: ${describe(e)}`));
    return result;
  }

  /** Rounds until nothing is due. */
  async drain(): Promise<RoundResult> {
    const total: RoundResult = { claimed: 0, sent: 0, retrying: 0, failed: 0 };
    for (;;) {
      const r = await this.round();
      for (const k of Object.keys(total) as (keyof RoundResult)[]) total[k] += r[k];
      if (r.claimed < this.opts.batchSize) return total;
    }
  }

  private async mark<F extends Rpc>(fn: F, args: RpcArgs<F>): Promise<unknown> {
    const { data, error } = await this.deps.service.rpc(fn, args);
    if (error) throw new DbFailure(fn, error);
    return data;
  }

  private async fail(row: Claimed, e: unknown): Promise<string> {
    const gone = permanent(e);
    // A flood limit says when to try again: the back-off is at least that.
    const wait = retryAfter(e);
    this.deps.logger.warn(`Notification ${row.id} (${row.kind}) to ${row.telegram_user_id} not delivered (try ${row.attempts}): ${describe(e)}`);
    return (await this.mark("mark_notification_failed", {
      p_id: row.id, p_error: describe(e), p_max_attempts: this.opts.maxAttempts,
      p_backoff_seconds: Math.max(this.opts.backoffSeconds, wait ?? 0), p_permanent: gone,
    })) as string;
  }

  private async deliver(n: Claimed): Promise<void> {
    const locale: Locale = resolveLocale({
      chosen: n.chosen_locale ?? undefined, staffLocale: n.staff_locale ?? undefined, languageCode: n.app_language ?? undefined,
    });
    const t = translator(locale);
    const chat = Number(n.telegram_user_id);
    const { api } = this.deps;
    switch (n.kind) {
      case "approval_waiting":
        return this.cards.send(chat, n.recipient_id, locale, n.payload as ApprovalCard);
      case "approval_decided": {
        // A discount decided for good: 起草认购 when approved, 重新申请 when rejected (checked again on the tap).
        const p = n.payload;
        const request = p.subject_type === "discount" && typeof p.subject_id === "string" ? p.subject_id : null;
        const label = typeof p.unit_label === "string" ? p.unit_label : "";
        const button =
          request && p.decision === "reject"
            ? requestKeyboard([{ text: t("requests.reapplyButton", { label }), requestId: request, action: "reapply" }])
            : request && p.approval_status === "approved"
              ? requestKeyboard([{ text: t("requests.draftButton", { label }), requestId: request, action: "subscribe" }])
              : undefined;
        await api.sendMessage(chat, notificationText(t, locale, n.kind, p), button ? { reply_markup: button } : {});
        return this.redraw(p.approval_id);
      }
      case "approval_cancelled":
        // The deciders hold a card for it: redraw it; say it in a message only if there is none.
        await this.redraw(n.payload.approval_id);
        if (!(await this.hasCard(n.payload.approval_id, n.recipient_id))) {
          await api.sendMessage(chat, notificationText(t, locale, n.kind, n.payload));
        }
        return;
      case "daily_digest":
        return this.digest(n, chat, locale);
      case "evening_report":
        return this.evening(n, chat, locale);
      case "collision": {
        // The managers' notice (it names the owner) carries the ruling buttons; the owner's does not.
        const text = notificationText(t, locale, n.kind, n.payload);
        const id = n.payload.collision_id;
        const buttons = n.payload.owner_name && typeof id === "string" ? { reply_markup: collisionKeyboard(t, id) } : {};
        await api.sendMessage(chat, text, buttons);
        return;
      }
      case "contract_deadline_passed": {
        // Managers get 延期 / 发起退房 on the card (the database decides each tap); the consultant the text.
        const text = notificationText(t, locale, n.kind, n.payload);
        const { subscription_id: sub, contract_deadline: deadline } = n.payload;
        const buttons = typeof sub === "string" && typeof deadline === "string" && (await this.isManager(n.recipient_id, n.project_id));
        await api.sendMessage(chat, text, buttons ? { reply_markup: deadlineKeyboard(t, sub, deadline) } : {});
        return;
      }
      case "hold_expiring": {
        // 延长 (when the policy still allows) / 释放 / the unit's card; the database decides each tap.
        const { unit_id: unitId, expires_at: expiresAt, can_extend: canExtend } = n.payload;
        const keyboard = typeof unitId === "string" && typeof expiresAt === "string"
          ? unitCardKeyboard(t, unitId, { holdable: false, releasable: true, extendUntil: canExtend ? expiresAt : null })
          : null;
        await api.sendMessage(chat, notificationText(t, locale, n.kind, n.payload), keyboard ? { reply_markup: keyboard } : {});
        return;
      }
      default:
        await api.sendMessage(chat, notificationText(t, locale, n.kind, n.payload));
    }
  }

  /** Cards are redrawn again by the next round if this fails; the message itself was delivered. */
  private redraw(approvalId: string): Promise<void> {
    return this.cards.refresh(approvalId).catch((e) => this.deps.logger.warn(`Could not redraw the cards of ${approvalId}: ${describe(e)}`));
  }

  /** Whether the person holds a manager role (销售经理 and up) in the project: who sees the deadline card's buttons. */
  private async isManager(staffId: string, projectId: string | null): Promise<boolean> {
    if (!projectId) return false;
    const { count, error } = await this.deps.service
      .from("staff_projects")
      .select("staff_id", { count: "exact", head: true })
      .eq("staff_id", staffId)
      .eq("project_id", projectId)
      .in("role", MANAGER_ROLES);
    if (error) throw new DbFailure("staff roles", error);
    return (count ?? 0) > 0;
  }

  private async hasCard(approvalId: string, staffId: string): Promise<boolean> {
    const { count, error } = await this.deps.service
      .from("bot_cards")
      .select("id", { count: "exact", head: true })
      .eq("approval_id", approvalId)
      .eq("staff_id", staffId);
    if (error) throw new DbFailure("approval cards", error);
    return (count ?? 0) > 0;
  }

  /** The evening 日报, read as the person (daily_report decides whether they may); a refusal (role gone) sends nothing. */
  private async evening(n: Claimed, chat: number, locale: Locale): Promise<void> {
    const db = await this.deps.staffClients.forStaff({ id: n.recipient_id, email: n.recipient_email, name: n.recipient_name });
    const projectId = typeof n.payload.project_id === "string" ? n.payload.project_id : n.project_id;
    if (!projectId) return;
    const report = await loadDaily(db, projectId);
    if (!report.ok) {
      this.deps.logger.warn(`Evening report ${n.id} for ${n.recipient_id} not sent: ${report.code}`);
      return;
    }
    await this.deps.api.sendMessage(chat, dailyText(translator(locale), locale, String(n.payload.project_name ?? ""), report.data, true));
  }

  /** The morning digest, read as the person (their own JWT); nothing is sent on a day with nothing to do. */
  private async digest(n: Claimed, chat: number, locale: Locale): Promise<void> {
    const db = await this.deps.staffClients.forStaff({ id: n.recipient_id, email: n.recipient_email, name: n.recipient_name });
    const agenda = await loadAgenda(db, n.recipient_id);
    if (agendaIsEmpty(agenda)) return;
    const t = translator(locale);
    const keyboard = InlineKeyboard.from(
      agenda.approvals.slice(0, 8).map((w) => [openApprovalButton(t("today.open", { label: w.summary.unit_label ?? t(`subject.${w.subject_type}`) }), w.approval_id, w.step_id)]),
    );
    await this.deps.api.sendMessage(chat, agendaText(t, locale, agenda, { morning: true }), agenda.approvals.length > 0 ? { reply_markup: keyboard } : {});
  }
}
