import { formatYuan } from "@so/shared/money";
import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "../../../supabase/tests/support/clients.ts";
import { useAdminBrowser } from "./support/browser.ts";
import { createDealTeam, pageAs, receiptNo, type DealTeam } from "./support/deal-team.ts";

/**
 * 催款 escalation in the admin: an instalment a month overdue shows 逾期一月 on the receivables;
 * finance records a 催款 call and prints the 逾期回款函 (the 未回款报告单 lists the call).
 */
describe("催款文书 (admin)", () => {
  const admin = useAdminBrowser();
  let team: DealTeam;
  beforeAll(async () => {
    team = await createDealTeam("催款", admin, { unitCount: 2 });
    await sql(`update public.projects set developer_name = '杭州催款测试置业有限公司' where id = $1`, [team.projectId]);
  });

  it("a 催款 is recorded and the 逾期回款函 printed for an amount a month overdue", { timeout: 300_000 }, async () => {
    const customerId = await team.registerCustomer("褚先生");
    const sub = await team.subscribe(0, customerId);
    await team.pay(customerId, sub.id, "50000");
    const [{ d }] = await sql<{ d: string }>(`select (private.project_today($1) - 40)::text as d`, [team.projectId]);
    const rest = (Math.round(Number(sub.price) * 100) - 5_000_000) / 100;
    const contract = await team.ok<{ id: string; approval_id: string }>("consultant", "create_contract", {
      p_subscription_id: sub.id,
      p_contract_no: `HT-${receiptNo()}`,
      p_plan: [
        { seq: 1, due_date: d, amount: "50000.00", kind: "deposit" },
        { seq: 2, due_date: d, amount: rest.toFixed(2), kind: "installment" },
      ],
    });
    await team.approveAll(contract.approval_id);

    const finance = await pageAs(admin, team, "finance");
    await finance.setViewportSize({ width: 1440, height: 900 });
    await finance.goto("/receivables");
    const row = finance.getByTestId("receivables-table").locator("tr", { hasText: "褚先生" });
    await row.getByTestId("collection-stage").getByText("逾期一月").waitFor();

    await row.getByTestId("collect").click();
    const dialog = finance.getByRole("dialog");
    await dialog.getByTestId("collect-note").fill("电话催款，客户称资金周转困难，下周付一半");
    await dialog.getByRole("button", { name: "保存催款记录" }).click();
    await finance.getByText("催款记录已保存").waitFor();
    await row.getByText("共催款 1 次").waitFor();

    await row.getByTestId("paper-report").click();
    await finance.waitForURL(/\/collection-papers\/report\//);
    const report = finance.getByTestId("collection-report");
    await report.getByTestId("paper-contacts").getByText("电话催款，客户称资金周转困难，下周付一半").waitFor();
    await report.getByText("40 天").waitFor();

    await finance.goBack();
    await row.getByTestId("paper-letter").click();
    await finance.waitForURL(/\/collection-papers\/letter\//);
    const letter = finance.getByTestId("collection-letter");
    await letter.getByText("尊敬的 褚先生 先生/女士：").waitFor();
    await letter.getByTestId("paper-outstanding").getByText(formatYuan(rest.toFixed(2))).waitFor();
    await letter.getByTestId("paper-developer").getByText("杭州催款测试置业有限公司").waitFor();
    expect(await letter.innerText()).toContain("已逾期 40 天");
    await admin.screenshot(finance, "collection-letter");
  });
});
