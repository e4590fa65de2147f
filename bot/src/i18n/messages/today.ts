/** 我的今日 and the morning digest. */
export const todayZh = {
  "today.title": (p: { day: string }) => `📋 今日待办 · ${p.day}`,
  "today.morning": (p: { day: string }) => `☀️ 早上好！今日待办 · ${p.day}`,
  "today.nothing": "今天没有待跟进的客户、即将到期的锁定或待审批事项。",
  "today.due": (p: { count: number; overdue: number }) => `📞 待跟进 ${p.count} 位${p.overdue > 0 ? `（其中逾期 ${p.overdue} 位）` : ""}：`,
  "today.overdueDays": (p: { days: number }) => `逾期${p.days}天`,
  "today.dueToday": "今天",
  "today.last": (p: { content: string }) => `（上次：${p.content}）`,
  "today.holds": (p: { count: number }) => `🔒 我的锁定 ${p.count} 套：`,
  "today.holdUntil": (p: { until: string }) => `${p.until} 到期`,
  "today.approvals": (p: { count: number }) => `✅ 待我审批 ${p.count} 件：`,
  "today.by": (p: { name: string }) => `（申请人 ${p.name}）`,
  "today.open": (p: { label: string }) => `查看审批 ${p.label}`,
};

export const todayEn: typeof todayZh = {
  "today.title": (p) => `📋 Today · ${p.day}`,
  "today.morning": (p) => `☀️ Good morning! Today · ${p.day}`,
  "today.nothing": "No follow-ups due, no holds about to expire and no approvals waiting today.",
  "today.due": (p) => `📞 ${p.count} follow-ups due${p.overdue > 0 ? ` (${p.overdue} overdue)` : ""}:`,
  "today.overdueDays": (p) => `${p.days} days overdue`,
  "today.dueToday": "today",
  "today.last": (p) => ` (last: ${p.content})`,
  "today.holds": (p) => `🔒 ${p.count} holds of mine:`,
  "today.holdUntil": (p) => `expires ${p.until}`,
  "today.approvals": (p) => `✅ ${p.count} approvals waiting for me:`,
  "today.by": (p) => ` (by ${p.name})`,
  "today.open": (p) => `Open approval ${p.label}`,
};
