/** Messages from the outbox (notifications), one per kind. */
export const notifyZh = {
  "notify.decided.approved": (p: { label: string; who: string }) => `✅ 您的申请已审批通过：${p.label}。（${p.who} 同意）`,
  "notify.decided.rejected": (p: { label: string; who: string; reason: string }) => `❌ 您的申请被驳回：${p.label}。${p.who} 驳回，理由：${p.reason}`,
  "notify.decided.step": (p: { label: string; who: string; next: string }) => `👍 您的申请（${p.label}）：${p.who} 已同意，下一步等待 ${p.next} 审批。`,
  "notify.cancelled": (p: { label: string }) => `↩️ 申请已撤回：${p.label}`,
  "notify.delegated": (p: { name: string; until: string }) => `${p.name} 授权您代为审批，至 ${p.until}。`,
  "notify.collision.manager": (p: { customer: string; owner: string; claimant: string }) =>
    `⚠️ 撞单：${p.claimant} 登记的客户 ${p.customer} 已是 ${p.owner} 的客户，请在管理后台「撞单」中裁定。`,
  "notify.collision.owner": (p: { customer: string; claimant: string }) =>
    `⚠️ 撞单提醒：${p.claimant} 也登记了您的客户 ${p.customer}。客户仍归您所有，销售经理将裁定。`,
  "notify.collisionRuled.keep": (p: { customer: string; reason: string }) => `撞单裁定：客户 ${p.customer} 维持原归属。理由：${p.reason}`,
  "notify.collisionRuled.transfer": (p: { customer: string; reason: string }) => `撞单裁定：客户 ${p.customer} 转给登记人。理由：${p.reason}`,
  "notify.customerClaimed": (p: { customer: string; by: string }) => `您的客户 ${p.customer} 已超过保护期，被 ${p.by} 从公客池认领。`,
  "notify.customersAssigned": (p: { count: number; from: string; reason: string }) => `${p.from} 的 ${p.count} 位客户已转给您。原因：${p.reason}`,
  "notify.reportRuled": (p: { customer: string }) => `📝 报备客户 ${p.customer}：`,
  "notify.reportReceived": (p: { broker: string; customer: string; phone: string; visit: string }) =>
    `📝 新报备：${p.broker} 报备客户 ${p.customer}（${p.phone}），预计 ${p.visit} 到访。`,
  "notify.reportVisit": (p: { customer: string }) => `经纪人报备的客户 ${p.customer} 已确认到访，由您接待跟进。`,
  "notify.unitReleased": (p: { unit: string; by: string }) => `🔓 您锁定的房源 ${p.unit} 已被 ${p.by} 释放。`,
  "notify.unitWithheld": (p: { unit: string; reason: string }) => `⛔ 您锁定的房源 ${p.unit} 已被销控：${p.reason}`,
  "notify.walkIn.owner": (p: { customer: string }) => `🚶 您的客户 ${p.customer} 来访了，请到前台接待。`,
  "notify.walkIn.turn": "🚶 轮到您接待新来访客户，请到前台。",
  "notify.complaint": (p: { name: string }) => `📣 新投诉：${p.name}，请在管理后台处理。`,
  "notify.complaintResolved": (p: { name: string; resolution: string }) => `📣 投诉已解决：${p.name}。${p.resolution}`,
  "notify.subscription": (p: { label: string; deposit: string }) => `🧾 新认购：${p.label}，应收定金 ${p.deposit}。`,
  "notify.contractSigned": (p: { label: string; no: string }) => `🖊 合同已签约：${p.label}（${p.no}）。`,
  "notify.refundDue": (p: { label: string; amount: string }) => `💸 待退款：${p.label}，金额 ${p.amount}。`,
  "notify.deadlineNear": (p: { label: string; date: string; deposit: string }) =>
    `⏰ 签约期限将到：${p.label}，须在 ${p.date} 前签约（定金未收 ${p.deposit}）。`,
  "notify.deadlinePassed": (p: { label: string; date: string; days: string }) =>
    `⛔ 已过签约期限 ${p.days} 天：${p.label}（期限 ${p.date}）。请经理在后台延期或发起退房。`,
  "notify.deadlineExtended": (p: { label: string; date: string; by: string; reason: string }) =>
    `📅 签约期限已延至 ${p.date}：${p.label}（${p.by}：${p.reason}）。`,
  "notify.carryOver": (p: { label: string; amount: string }) => `🔁 换房待转款：${p.label}，金额 ${p.amount}。`,
  "notify.commission": (p: { label: string; amount: string; status: string }) => `💰 佣金${p.status}：${p.label}，${p.amount}。`,
  "notify.commission.commission_computed": "已计算",
  "notify.commission.commission_approved": "已审核",
  "notify.commission.commission_payable": "待支付",
  "notify.commission.commission_paid": "已支付",
  "notify.followUpDue": (p: { customer: string; phone: string; last: string }) =>
    `📞 今天该追访客户 ${p.customer}（${p.phone}）了${p.last ? `。上次：${p.last}` : "。"}`,
  "notify.customerReview.keep": (p: { customer: string; grade: string; by: string; date: string; advice: string }) =>
    `📝 客户分析会：${p.by} 判定 ${p.customer} 为 ${p.grade} 类，请在 ${p.date} 前追访${p.advice ? `。意见：${p.advice}` : "。"}`,
  "notify.customerReview.release": (p: { customer: string; by: string; reason: string }) =>
    `📝 客户分析会：${p.by} 决定放弃追访 ${p.customer}，客户已进入公客池。原因：${p.reason}`,
  "notify.reviewDeadline": (p: { customer: string; phone: string; date: string; advice: string }) =>
    `⏰ 客户分析会定的追访时限到了：${p.customer}（${p.phone}），时限 ${p.date}，尚未追访${p.advice ? `。意见：${p.advice}` : "。"}`,
  "notify.poolWarning": (p: { customer: string; phone: string; days: number; until: string }) =>
    `⏳ 客户 ${p.customer}（${p.phone}）${p.days} 天后（${p.until}）将超过保护期进入公客池，请及时追访。`,
  "notify.pooled": (p: { customer: string; phone: string }) =>
    `🕳 客户 ${p.customer}（${p.phone}）已超过保护期进入公客池，其他顾问可以认领。如仍在跟进，请尽快从公客池认领。`,
  "notify.paymentDue": (p: { label: string; kind: string; amount: string; no: string | null }) =>
    `💴 今日应收：${p.label} ${p.kind} ${p.amount}（${p.no ? `合同 ${p.no}` : "认购定金"}），请跟进收款。`,
  "notify.paymentOverdue": (p: { label: string; kind: string; amount: string; days: number; no: string | null }) =>
    `⚠️ 逾期未收 ${p.days} 天：${p.label} ${p.kind} ${p.amount}（${p.no ? `合同 ${p.no}` : "认购定金"}），请催款。`,
  "notify.collectionReport": (p: { label: string; amount: string; days: number; no: string | null; consultant: string }) =>
    `📝 逾期满一周未回款：${p.label}（${p.no ? `合同 ${p.no}` : "认购定金"}）未收 ${p.amount}，已逾期 ${p.days} 天。请${p.consultant}填写未回款报告单报销售经理。`,
  "notify.collectionLetter": (p: { label: string; amount: string; days: number; no: string | null; consultant: string }) =>
    `✉️ 逾期满一月未回款：${p.label}（${p.no ? `合同 ${p.no}` : "认购定金"}）未收 ${p.amount}，已逾期 ${p.days} 天。请向客户发出逾期回款函（后台应收款页可打印）。`,
  "notify.financeDigest": (p: { day: string; project: string; dueCount: number; dueAmount: string; overdueCount: number; overdueAmount: string }) =>
    `☀️ 早上好！${p.project} 今日收款 · ${p.day}\n💴 今日应收 ${p.dueCount} 笔，共 ${p.dueAmount}\n⚠️ 逾期未收 ${p.overdueCount} 笔，共 ${p.overdueAmount}`,
  "notify.financeDigest.none": (p: { day: string; project: string }) => `☀️ 早上好！${p.project} 今日收款 · ${p.day}\n今天没有到期或逾期的应收款。`,
  "notify.other": "🔔 您有一条新通知，请在管理后台查看。",
};

export const notifyEn: typeof notifyZh = {
  "notify.decided.approved": (p) => `✅ Your request was approved: ${p.label}. (${p.who} approved)`,
  "notify.decided.rejected": (p) => `❌ Your request was rejected: ${p.label}. ${p.who} rejected it: ${p.reason}`,
  "notify.decided.step": (p) => `👍 Your request (${p.label}): ${p.who} approved; next, ${p.next} decides.`,
  "notify.cancelled": (p) => `↩️ Request withdrawn: ${p.label}`,
  "notify.delegated": (p) => `${p.name} lets you decide approvals on their behalf until ${p.until}.`,
  "notify.collision.manager": (p) =>
    `⚠️ Collision (撞单): ${p.claimant} registered ${p.customer}, already a customer of ${p.owner}. Rule on it in the admin.`,
  "notify.collision.owner": (p) => `⚠️ Collision (撞单): ${p.claimant} also registered your customer ${p.customer}. They stay yours until the sales manager rules.`,
  "notify.collisionRuled.keep": (p) => `Collision ruling: ${p.customer} stays with the owner. Reason: ${p.reason}`,
  "notify.collisionRuled.transfer": (p) => `Collision ruling: ${p.customer} moves to the consultant who registered them. Reason: ${p.reason}`,
  "notify.customerClaimed": (p) => `Your customer ${p.customer} fell into the public pool and was claimed by ${p.by}.`,
  "notify.customersAssigned": (p) => `${p.count} customers of ${p.from} are now yours. Reason: ${p.reason}`,
  "notify.reportRuled": (p) => `📝 Report of ${p.customer}:`,
  "notify.reportReceived": (p) => `📝 New report: ${p.broker} reported ${p.customer} (${p.phone}), visiting ${p.visit}.`,
  "notify.reportVisit": (p) => `The reported customer ${p.customer} has visited and is yours to follow up.`,
  "notify.unitReleased": (p) => `🔓 Your hold on ${p.unit} was released by ${p.by}.`,
  "notify.unitWithheld": (p) => `⛔ Your held unit ${p.unit} was withheld: ${p.reason}`,
  "notify.walkIn.owner": (p) => `🚶 Your customer ${p.customer} has walked in; please go to the front desk.`,
  "notify.walkIn.turn": "🚶 Your turn to receive a new walk-in; please go to the front desk.",
  "notify.complaint": (p) => `📣 New complaint: ${p.name}. Handle it in the admin.`,
  "notify.complaintResolved": (p) => `📣 Complaint resolved: ${p.name}. ${p.resolution}`,
  "notify.subscription": (p) => `🧾 New subscription: ${p.label}; deposit due ${p.deposit}.`,
  "notify.contractSigned": (p) => `🖊 Contract signed: ${p.label} (${p.no}).`,
  "notify.refundDue": (p) => `💸 Refund due: ${p.label}, ${p.amount}.`,
  "notify.deadlineNear": (p) => `⏰ Contract deadline close: ${p.label}, sign by ${p.date} (deposit outstanding ${p.deposit}).`,
  "notify.deadlinePassed": (p) => `⛔ ${p.days} days past the contract deadline: ${p.label} (deadline ${p.date}). A manager extends it or starts a cancellation in the admin.`,
  "notify.deadlineExtended": (p) => `📅 Contract deadline moved to ${p.date}: ${p.label} (${p.by}: ${p.reason}).`,
  "notify.carryOver": (p) => `🔁 Money to carry over (unit change): ${p.label}, ${p.amount}.`,
  "notify.commission": (p) => `💰 Commission ${p.status}: ${p.label}, ${p.amount}.`,
  "notify.commission.commission_computed": "computed",
  "notify.commission.commission_approved": "approved",
  "notify.commission.commission_payable": "payable",
  "notify.commission.commission_paid": "paid",
  "notify.followUpDue": (p) => `📞 Follow up with ${p.customer} (${p.phone}) today${p.last ? `. Last time: ${p.last}` : "."}`,
  "notify.customerReview.keep": (p) =>
    `📝 Customer review: ${p.by} rated ${p.customer} ${p.grade}; follow up by ${p.date}${p.advice ? `. Advice: ${p.advice}` : "."}`,
  "notify.customerReview.release": (p) => `📝 Customer review: ${p.by} released ${p.customer} to the public pool. Reason: ${p.reason}`,
  "notify.reviewDeadline": (p) =>
    `⏰ The follow-up deadline from the customer review has come: ${p.customer} (${p.phone}), due ${p.date}, not followed up yet${p.advice ? `. Advice: ${p.advice}` : "."}`,
  "notify.poolWarning": (p) =>
    `⏳ ${p.customer} (${p.phone}) drops into the public pool in ${p.days} day(s) (${p.until}) unless you follow up.`,
  "notify.pooled": (p) =>
    `🕳 ${p.customer} (${p.phone}) passed the protection period and is in the public pool; other consultants may claim them. Claim them back if you are still on it.`,
  "notify.paymentDue": (p) =>
    `💴 Due today: ${p.label} ${p.kind} ${p.amount} (${p.no ? `contract ${p.no}` : "subscription deposit"}); please collect.`,
  "notify.paymentOverdue": (p) =>
    `⚠️ ${p.days} days overdue: ${p.label} ${p.kind} ${p.amount} (${p.no ? `contract ${p.no}` : "subscription deposit"}); please chase it.`,
  "notify.collectionReport": (p) =>
    `📝 A week overdue: ${p.label} (${p.no ? `contract ${p.no}` : "subscription deposit"}), ${p.amount} outstanding, ${p.days} days late. ${p.consultant} should file the unpaid report to the sales manager.`,
  "notify.collectionLetter": (p) =>
    `✉️ A month overdue: ${p.label} (${p.no ? `contract ${p.no}` : "subscription deposit"}), ${p.amount} outstanding, ${p.days} days late. Send the customer the overdue payment letter (printable from the receivables page).`,
  "notify.financeDigest": (p) =>
    `☀️ Good morning! Collections for ${p.project} · ${p.day}\n💴 Due today: ${p.dueCount}, ${p.dueAmount}\n⚠️ Overdue: ${p.overdueCount}, ${p.overdueAmount}`,
  "notify.financeDigest.none": (p) => `☀️ Good morning! Collections for ${p.project} · ${p.day}\nNothing due or overdue today.`,
  "notify.other": "🔔 You have a new notification; see the admin.",
};
