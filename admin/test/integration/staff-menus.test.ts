import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useAdminBrowser } from "./support/browser.ts";

/*
  Who sees which menu, written by hand from shared/spec/domain.md (not derived from the access
  rules in resource-groups/, which is what is being checked). A table role → menu labels, one
  block per area: to extend it, add your labels to the roles of your block. A menu inside a group
  reads "group › entry"; top-level entries read as themselves; 退出登录 is left out.
*/

type Account = "admin" | "gm" | "vp" | "director" | "manager" | "consultant1" | "consultant3" | "finance" | "channel" | "broker1";
type Expected = Partial<Record<Account, readonly string[]>>;

const MANAGERS = ["gm", "vp", "director", "manager"] as const;
const STAFF: readonly Account[] = ["admin", ...MANAGERS, "consultant1", "consultant3", "finance", "channel"];
/** The same labels for several roles. */
const each = (accounts: readonly Account[], labels: readonly string[]): Expected => Object.fromEntries(accounts.map((a) => [a, labels]));
const CONSULTANTS = ["consultant1", "consultant3"] as const;

/** 工作台 for everyone; 项目 for the developer's staff (a broker sees their portal and nothing else). */
const SHELL: Expected = {
  ...each(STAFF, ["工作台", "项目"]),
  broker1: ["工作台"],
};

/** 房源与销控: everyone on the developer's side reads the board, buildings, units, price list and rules. */
const INVENTORY: Expected = each(STAFF, [
  "房源销控 › 销控表",
  "房源销控 › 楼栋",
  "房源销控 › 房源",
  "房源销控 › 价目表",
  "项目设置 › 规则与审批权限",
  "项目设置 › 优惠政策",
]);

/** 客户: consultants and managers work customers and keep the 准客户名录; managers rule 撞单, transfer and hold the 客户分析会; finance and channel read. Not admins. */
const CUSTOMERS: Expected = {
  ...each(MANAGERS, ["客户 › 客户列表", "客户 › 撞单", "客户 › 转移客户", "客户 › 客户分析会", "客户 › 准客户名录"]),
  ...each(CONSULTANTS, ["客户 › 客户列表", "客户 › 撞单", "客户 › 准客户名录"]),
  ...each(["finance", "channel"], ["客户 › 客户列表"]),
};

/** 接待: the floor (consultants, managers, finance, channel); calls and 外出带看 are sales work, 待追访 a consultant's list. */
const RECEPTION: Expected = {
  ...each(MANAGERS, ["接待 › 今日轮排", "接待 › 来访登记", "接待 › 来电登记", "接待 › 外出带看", "接待 › 投诉"]),
  ...each(CONSULTANTS, ["接待 › 今日轮排", "接待 › 来访登记", "接待 › 来电登记", "接待 › 外出带看", "接待 › 待追访", "接待 › 投诉"]),
  finance: ["接待 › 今日轮排", "接待 › 投诉"],
  channel: ["接待 › 今日轮排", "接待 › 来访登记", "接待 › 投诉"],
};

/** 渠道: channel managers and managers+ (channel policy) read and rule reports; admins keep the master data. */
const CHANNEL: Expected = {
  ...each([...MANAGERS, "channel"], ["渠道 › 报备", "渠道 › 中介公司", "渠道 › 合作协议", "渠道 › 经纪人"]),
  admin: ["渠道 › 中介公司", "渠道 › 合作协议", "渠道 › 经纪人"],
  broker1: ["报备客户", "我的报备", "我的带看", "我的佣金"],
};

/** 审批: every staff member may be asked (or delegated) to approve; consultants and managers ask for discounts. */
const APPROVALS: Expected = {
  ...each(["admin", ...MANAGERS, ...CONSULTANTS], ["审批 › 审批中心", "审批 › 特殊优惠"]),
  ...each(["finance", "channel"], ["审批 › 审批中心"]),
};

/** 交易: subscriptions, contracts, 换房/退房 — consultants, managers, finance and admins read them; finance and managers decide 资质审核. */
const DEAL_PAGES = ["交易 › 认购", "交易 › 合同", "交易 › 换房/退房"];
const DEALS: Expected = {
  ...each(["admin", ...CONSULTANTS], DEAL_PAGES),
  ...each([...MANAGERS, "finance"], [...DEAL_PAGES, "交易 › 资质审核"]),
};

/** 财务: finance writes money; managers and admins read it; consultants chase their receivables; channel reads commissions. */
const FINANCE: Expected = {
  ...each(["admin", ...MANAGERS, "finance"], ["财务 › 收款", "财务 › 应收催款", "财务 › 退款与结转", "财务 › 佣金", "财务 › 佣金结算单"]),
  ...each(CONSULTANTS, ["财务 › 应收催款"]),
  channel: ["财务 › 佣金", "财务 › 佣金结算单"],
};

/** 报表与记录: the project's staff; daily figures for sales and finance; the monthly analysis for managers and finance. */
const REPORTS: Expected = {
  ...each(MANAGERS, ["报表与记录 › 报表中心", "报表与记录 › 日报", "报表与记录 › 周例会纪要", "报表与记录 › 月度分析", "报表与记录 › 销售指标", "报表与记录 › 可比楼盘", "报表与记录 › 晨会记录", "报表与记录 › 排班表", "报表与记录 › 值班记录", "报表与记录 › 工作笔记"]),
  finance: ["报表与记录 › 报表中心", "报表与记录 › 日报", "报表与记录 › 周例会纪要", "报表与记录 › 月度分析", "报表与记录 › 销售指标", "报表与记录 › 晨会记录", "报表与记录 › 排班表", "报表与记录 › 值班记录", "报表与记录 › 工作笔记"],
  ...each(CONSULTANTS, ["报表与记录 › 报表中心", "报表与记录 › 日报", "报表与记录 › 周例会纪要", "报表与记录 › 销售指标", "报表与记录 › 可比楼盘", "报表与记录 › 晨会记录", "报表与记录 › 排班表", "报表与记录 › 值班记录", "报表与记录 › 工作笔记"]),
  channel: ["报表与记录 › 报表中心", "报表与记录 › 周例会纪要", "报表与记录 › 晨会记录", "报表与记录 › 排班表", "报表与记录 › 值班记录", "报表与记录 › 工作笔记"],
};

/** 员工与审计: admins manage staff, invitations and failed bot notifications; admins and managers read the audit log. Everyone on staff makes their own binding code (我的绑定码). */
const STAFF_AREA: Expected = {
  admin: ["员工与审计 › 员工", "员工与审计 › 员工邀请", "员工与审计 › 推送失败", "员工与审计 › 审计日志", "我的绑定码"],
  ...each(MANAGERS, ["员工与审计 › 审计日志", "我的绑定码"]),
  ...each([...CONSULTANTS, "finance", "channel"], ["我的绑定码"]),
};

const AREAS: Expected[] = [SHELL, INVENTORY, CUSTOMERS, RECEPTION, CHANNEL, APPROVALS, DEALS, FINANCE, REPORTS, STAFF_AREA];
const ACCOUNTS: Account[] = [...STAFF, "broker1"];
const expectedFor = (account: Account) => AREAS.flatMap((area) => area[account] ?? []).sort();

/**
 * The sider's menu as labels, with every group opened (an open group renders its entries).
 * A group that opens onto nothing reads "group › (空)": an empty group is a bug too.
 */
async function menuLabels(page: Page): Promise<string[]> {
  const closed = page.locator(".ant-layout-sider .ant-menu-submenu:not(.ant-menu-submenu-open) > .ant-menu-submenu-title");
  for (let n = await closed.count(); n > 0; n = await closed.count()) await closed.first().click();
  return page.evaluate(() => {
    const labels: string[] = [];
    const root = document.querySelector(".ant-layout-sider ul.ant-menu-root");
    for (const li of Array.from(root?.children ?? [])) {
      if (li.classList.contains("ant-menu-submenu")) {
        // the label only: an icon may carry a count badge (审批中心, 待追访)
        const title = li.querySelector(":scope > .ant-menu-submenu-title");
        const group = (title?.querySelector(".ant-menu-title-content") ?? title)?.textContent?.trim() ?? "";
        const items = Array.from(li.querySelectorAll("ul .ant-menu-item")).map(
          (item) => `${group} › ${(item.querySelector(".ant-menu-title-content") ?? item).textContent?.trim()}`,
        );
        labels.push(...(items.length ? items : [`${group} › (空)`]));
      } else if (li.classList.contains("ant-menu-item")) {
        labels.push((li.querySelector(".ant-menu-title-content") ?? li).textContent?.trim() ?? "");
      }
    }
    return labels.filter((label) => label !== "退出登录").sort();
  });
}

// Screenshots of full pages are slow on a busy machine: more time than the default per test.
describe("菜单 menus by role", { timeout: 180_000 }, () => {
  const admin = useAdminBrowser();

  it.each(ACCOUNTS)("%s sees exactly the menus of their roles", async (account) => {
    const page = await admin.newPage();
    await admin.signIn(page, account);
    // Menus appear as each access decision resolves: read until they match (or the poll times out).
    await expect.poll(() => menuLabels(page), { timeout: 20_000 }).toEqual(expectedFor(account));
    if (account === "admin" || account === "broker1" || account === "channel") await admin.screenshot(page, `menus-${account}`);
  });

  it("a consultant opening managers' pages by URL gets 无权访问", async () => {
    const page = await admin.newPage();
    await admin.signIn(page, "consultant1");
    for (const path of ["/audit_trail", "/report_board", "/staff", "/cooperations/create"]) {
      await page.goto(path);
      await page.getByText("无权访问").waitFor();
      expect(await page.getByTestId("no-access-required").textContent()).toMatch(/需要以下角色之一/);
    }
    await admin.screenshot(page, "menus-consultant-no-access");
  });
});
