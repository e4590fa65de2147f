import { featureMessagesZh } from "./messages/index.ts";

/** zh-CN, the default language. Every key here must exist in en.ts with the same parameters. */
export const zhCN = {
  "unbound.explain":
    "您好！这是销售案场的工作机器人，只为已绑定的员工服务。\n\n" +
    "您的 Telegram 账号还没有绑定员工账号。绑定方法：\n" +
    "1. 请您本人登录管理后台，打开「我的绑定码」，生成绑定码；\n" +
    "2. 在这里发送：/start 绑定码（例如 /start ABCD2345）。\n\n" +
    "绑定码 15 分钟内有效，只能使用一次。",
  "unbound.inactive": "您的员工账号已停用，无法使用本机器人。如有疑问，请联系系统管理员。",
  "unbound.ended": "您的 Telegram 与员工账号的绑定已解除，机器人已退出您的登录。如需继续使用，请重新绑定。",
  "bind.success": (p: { name: string; roles: string }) =>
    `绑定成功！您好，${p.name}。\n您的角色：${p.roles}\n\n发送 /help 查看我能为您做的事。`,
  "bind.failed": (p: { reason: string }) =>
    `绑定失败：${p.reason}\n\n请登录管理后台，在「我的绑定码」重新生成绑定码，然后发送：/start 绑定码`,
  "start.welcome": (p: { name: string }) => `您好，${p.name}！您的 Telegram 已绑定。\n发送 /help 查看我能为您做的事。`,
  "start.alreadyBound": (p: { name: string }) =>
    `您的 Telegram 已绑定为「${p.name}」，无需再次绑定。如需换绑，请先由系统管理员解绑。`,
  "group.pointer": "为保护客户和房源信息，请在与我的私聊中使用本机器人。",
  "group.openPrivate": "打开私聊",
  "help.title": (p: { name: string; roles: string }) => `${p.name}（${p.roles}），我可以为您做这些事：`,
  "help.commands":
    "常用命令：\n/today 我的今日待办\n/register 登记客户（逐项填写）\n/followup 记录跟进\n/discount 申请特殊优惠\n/reports 我的报备（经纪人）\n/cancel 取消当前操作\n/help 查看本说明\n/whoami 查看我的账号与角色\n/lang 切换语言（中文 / English）\n/start 重新显示欢迎信息",
  "help.freeText":
    "也可以直接用中文描述要办的事，我会先复述我的理解，经您确认后才会写入。例如：\n" +
    "• 张三 13812345678 来访 想要三房 预算300万 A类\n• 3栋还有三房吗 / 300万以内 120平左右\n" +
    "• 王五 电话回访 嫌价格高 下周三再约\n• 3-1203 王五 申请97折\n• 报备 李四 138****5678 明天下午3点到访（经纪人）",
  "help.noRoles": "您目前没有任何项目角色，请联系系统管理员为您分配。",
  "lang.prompt": "请选择语言 / Choose your language:",
  "lang.changed": "已切换为中文。",
  "lang.usage": "用法：/lang zh 或 /lang en",
  "whoami.title": "我的账号",
  "whoami.name": (p: { name: string }) => `姓名：${p.name}`,
  "whoami.email": (p: { email: string }) => `邮箱：${p.email}`,
  "whoami.phone": (p: { phone: string }) => `手机：${p.phone}`,
  "whoami.roles": (p: { roles: string }) => `角色：${p.roles}`,
  "whoami.telegram": (p: { id: number }) => `Telegram ID：${p.id}`,
  "whoami.database": (p: { email: string }) => `数据库识别的身份：${p.email}`,
  "fallback.unknown": "抱歉，我还不明白这条消息。发送 /help 查看我能做的事。",
  "button.stale": "这个按钮已失效。",
  "error.generic": "出错了，请稍后再试。",
  "error.rateLimited": "操作太频繁了，请稍后再试。",
  "role.consultant": "置业顾问",
  "role.sales_manager": "销售经理",
  "role.marketing_director": "营销部长",
  "role.vp": "主管副总",
  "role.gm": "总经理",
  "role.finance": "财务",
  "role.channel_manager": "渠道经理",
  "role.broker": "经纪人",
  "role.admin": "系统管理员",
  "help.role.consultant":
    "置业顾问：登记来访、来电客户（自动判断客户权属）、记录跟进、查询房源与价格、锁定房源、申请特殊优惠、起草认购。",
  "help.role.sales_manager": "销售经理：处理审批（同意 / 驳回）、裁定撞单、查看轮排与当日案场数据。",
  "help.role.marketing_director": "营销部长：处理优惠、换房、退房和合同的审批，查看销售日报。",
  "help.role.vp": "主管副总：处理需要您审批的特殊优惠，查看销售日报。",
  "help.role.gm": "总经理：处理需要您最终审批的特殊优惠，查看销售日报。",
  "help.role.finance": "财务：查看待收款与逾期应收，接收收款相关提醒。",
  "help.role.channel_manager": "渠道经理：审核经纪人报备，确认带看，查看渠道业绩。",
  "help.role.broker": "经纪人：报备客户（至少提前 1 小时）、查看报备判客结果和佣金。",
  "help.role.admin": "系统管理员：员工、项目和规则请在管理后台维护；在这里可查看账号信息。",
  ...featureMessagesZh,
};

export type Messages = typeof zhCN;
