import { featureMessagesEn } from "./messages/index.ts";
import type { Messages } from "./zh-CN.ts";

/** English, the second language: for Telegram users whose language is English or who chose /lang en. */
export const en: Messages = {
  "unbound.explain":
    "Hello! This is the sales office's work bot; it serves bound staff members only.\n\n" +
    "Your Telegram account is not bound to a staff account yet. To bind it:\n" +
    "1. Sign in to the admin yourself and open 我的绑定码 (My binding code) to create your binding code;\n" +
    "2. Send it here: /start CODE (for example /start ABCD2345).\n\n" +
    "A code is valid for 15 minutes and works once.",
  "unbound.inactive": "Your staff account is deactivated, so the bot is not available to you. Please contact the administrator.",
  "unbound.ended": "Your Telegram account is no longer bound to your staff account, and the bot has signed you out. Bind again to keep using it.",
  "bind.success": (p) => `Bound! Hello, ${p.name}.\nYour roles: ${p.roles}\n\nSend /help to see what I can do for you.`,
  "bind.failed": (p) =>
    `Binding failed: ${p.reason}\n\nCreate a new code in the admin under 我的绑定码 (My binding code), then send: /start CODE`,
  "start.welcome": (p) => `Hello, ${p.name}! Your Telegram account is bound.\nSend /help to see what I can do for you.`,
  "start.alreadyBound": (p) =>
    `Your Telegram account is already bound to "${p.name}". To bind another account, ask the administrator to unbind this one first.`,
  "group.pointer": "To keep customer and unit data private, please use this bot in a private chat with me.",
  "group.openPrivate": "Open private chat",
  "help.title": (p) => `${p.name} (${p.roles}), here is what I can do for you:`,
  "help.commands":
    "Commands:\n/today my day\n/register register a customer step by step\n/followup log a follow-up\n/discount ask for a special discount\n/reports my reports (brokers)\n/cancel cancel what is in progress\n/help show this help\n/whoami my account and roles\n/lang switch language (中文 / English)\n/start show the welcome again",
  "help.freeText":
    "You can also describe what you need in plain words (Chinese works best); I repeat what I understood and write nothing until you confirm. For example:\n" +
    "• 张三 13812345678 来访 想要三房 预算300万 A类\n• 3栋还有三房吗 / 300万以内 120平左右\n" +
    "• 王五 电话回访 嫌价格高 下周三再约\n• 3-1203 王五 申请97折\n• 报备 李四 138****5678 明天下午3点到访 (brokers)",
  "help.noRoles": "You have no project role yet. Please ask the administrator to assign one.",
  "lang.prompt": "请选择语言 / Choose your language:",
  "lang.changed": "Language set to English.",
  "lang.usage": "Usage: /lang zh or /lang en",
  "whoami.title": "My account",
  "whoami.name": (p) => `Name: ${p.name}`,
  "whoami.email": (p) => `Email: ${p.email}`,
  "whoami.phone": (p) => `Mobile: ${p.phone}`,
  "whoami.roles": (p) => `Roles: ${p.roles}`,
  "whoami.telegram": (p) => `Telegram ID: ${p.id}`,
  "whoami.database": (p) => `The database sees you as: ${p.email}`,
  "fallback.unknown": "Sorry, I don't understand that yet. Send /help to see what I can do.",
  "button.stale": "This button is no longer valid.",
  "error.generic": "出错了，请稍后再试。 Something went wrong, please try again later.",
  "error.rateLimited": "Too many requests, please slow down.",
  "role.consultant": "Consultant",
  "role.sales_manager": "Sales manager",
  "role.marketing_director": "Marketing director",
  "role.vp": "VP",
  "role.gm": "General manager",
  "role.finance": "Finance",
  "role.channel_manager": "Channel manager",
  "role.broker": "Broker",
  "role.admin": "Administrator",
  "help.role.consultant":
    "Consultant: register walk-in and phone customers (ownership checked), log follow-ups, look up units and prices, hold a unit, ask for a special discount, draft a subscription.",
  "help.role.sales_manager": "Sales manager: decide approvals (approve / reject), rule on ownership collisions, see the rotation and today's figures.",
  "help.role.marketing_director": "Marketing director: decide discount, unit-change, cancellation and contract approvals; see the daily report.",
  "help.role.vp": "VP: decide the special discounts that need your approval; see the daily report.",
  "help.role.gm": "General manager: give the final approval on special discounts; see the daily report.",
  "help.role.finance": "Finance: see receivables and overdue payments; get payment reminders.",
  "help.role.channel_manager": "Channel manager: review broker reports, confirm visits, see channel performance.",
  "help.role.broker": "Broker: report customers (at least 1 hour ahead), see how reports were ruled and your commission.",
  "help.role.admin": "Administrator: staff, projects and rules are kept in the admin; here you can see your account.",
  ...featureMessagesEn,
};
