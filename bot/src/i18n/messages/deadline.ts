/** 逾期未签约: the manager's 延期 / 发起退房 on the overdue-deadline card. */
export const deadlineZh = {
  "deadline.extend7": "📅 延期7天",
  "deadline.extend": "📅 延期…",
  "deadline.cancel": "↩️ 发起退房",
  "deadline.forged": "这个按钮无效，未做任何更改。",
  "deadline.forbidden": "只有销售经理及以上可以处理逾期认购，未做任何更改。",
  "deadline.closed": "该认购已签约或已结束，无需处理，未做任何更改。",
  "deadline.alreadyExtended": (p: { date: string }) => `签约期限已延至 ${p.date}，未做任何更改。`,
  "deadline.askDate": "延期到哪一天？（如 12月20日、下周五、2026-12-20）",
  "deadline.badDate": "没看懂日期，请再说一次（如 12月20日、下周五）。",
  "deadline.askExtendReason": (p: { date: string }) => `延期至 ${p.date}。请发送延期原因（会记录并告知置业顾问）：`,
  "deadline.askCancelReason": "请发送退房原因（将提交退房审批）：",
  "deadline.extended": (p: { date: string; reason: string }) => `✅ 已延期至 ${p.date}（原因：${p.reason}）`,
  "deadline.cancelRequested": (p: { reason: string }) => `↩️ 已发起退房，等待审批（原因：${p.reason}）`,
};

export const deadlineEn: typeof deadlineZh = {
  "deadline.extend7": "📅 Extend 7 days",
  "deadline.extend": "📅 Extend to…",
  "deadline.cancel": "↩️ Start cancellation",
  "deadline.forged": "This button is not valid; nothing was changed.",
  "deadline.forbidden": "Only a sales manager or above can act on an overdue subscription; nothing was changed.",
  "deadline.closed": "This subscription is already signed or closed; nothing was changed.",
  "deadline.alreadyExtended": (p) => `The contract deadline was already moved to ${p.date}; nothing was changed.`,
  "deadline.askDate": "Extend to which day? (e.g. 2026-12-20, 12月20日, 下周五)",
  "deadline.badDate": "I could not read that date; please try again (e.g. 2026-12-20).",
  "deadline.askExtendReason": (p) => `Extend to ${p.date}. Send the reason (it is recorded and the consultant is told):`,
  "deadline.askCancelReason": "Send the reason for the cancellation (it goes for approval):",
  "deadline.extended": (p) => `✅ Extended to ${p.date} (reason: ${p.reason})`,
  "deadline.cancelRequested": (p) => `↩️ Cancellation requested, waiting for approval (reason: ${p.reason})`,
};
