/** 我的指标 / /target: the month's sales targets and progress. */
export const targetsZh = {
  "target.notAllowed": "您在当前项目没有查看销售指标的权限。",
  "target.title": (p: { project: string; month: string }) => `🎯 ${p.project} ${p.month} 销售指标`,
  "target.project": "项目",
  "target.me": "我",
  "target.line": (p: { who: string; subs: string; amount: string; contracts: string; collections: string }) =>
    `${p.who}：认购 ${p.subs} · 认购金额 ${p.amount} · 签约 ${p.contracts} · 回款 ${p.collections}`,
  "target.notSet": "未设定",
  "target.none": "本月还没有设定指标，请销售经理在管理后台「销售指标」中设定。",
};

export const targetsEn: typeof targetsZh = {
  "target.notAllowed": "You may not read the sales targets of the current project.",
  "target.title": (p) => `🎯 ${p.project} sales targets, ${p.month}`,
  "target.project": "Project",
  "target.me": "Me",
  "target.line": (p) => `${p.who}: subscriptions ${p.subs} · amount ${p.amount} · contracts ${p.contracts} · collections ${p.collections}`,
  "target.notSet": "not set",
  "target.none": "No targets set this month yet; a sales manager sets them in the admin (销售指标).",
};
