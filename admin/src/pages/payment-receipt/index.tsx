import { useGo, useOne } from "@refinedev/core";
import { ArrowLeftOutlined, PrinterOutlined } from "@ant-design/icons";
import { Alert, Button, Result, Space, Spin } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { useParams, useSearchParams } from "react-router";
import { capitalAmount } from "../../components/deals/capital-amount.ts";
import type { PaymentRow } from "../../components/finance/payment-row.ts";
import { dec, formatYuan } from "../../components/money.tsx";
import "./receipt.css";

/**
 * 收款收据: the paper finance hands over after a 收款 — receipt no., payer, amount in figures and
 * 大写, kind, method, date, the payee (the developer's legal name from the project settings) and
 * a place for the finance signature and the company seal. A reversed payment prints as 作废.
 */
export default function PaymentReceiptPage() {
  const { t } = useTranslation();
  const go = useGo();
  const { id = "" } = useParams();
  const [params] = useSearchParams();
  const back = params.get("back")?.startsWith("/") ? params.get("back")! : "/payments";
  const { result: payment, query } = useOne<PaymentRow>({ resource: "payment_overview", id });
  const { result: project } = useOne<{ id: string; name: string; developer_name: string | null; developer_address: string | null }>({
    resource: "projects",
    id: payment?.project_id ?? "",
    meta: { select: "id, name, developer_name, developer_address" },
    queryOptions: { enabled: Boolean(payment) },
  });

  if (query.isLoading) return <Spin style={{ display: "block", margin: 48 }} />;
  if (!payment) return <Result status="404" title={t("papers.receipt.notFound")} />;
  const amount = dec(payment.amount);
  const zh = (key: string) => t(key, { lng: "zh-CN" });
  const item = [
    zh(`finance.paymentKinds.${payment.kind}`),
    payment.unit_label ? `（${project?.name ?? ""} ${payment.unit_label}）` : "",
    payment.contract_no ? ` 合同编号 ${payment.contract_no}` : "",
  ].join("");

  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      <Space className="no-print">
        <Button icon={<ArrowLeftOutlined />} onClick={() => go({ to: back })}>
          {t("papers.receipt.back")}
        </Button>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="print-receipt">
          {t("papers.receipt.print")}
        </Button>
      </Space>
      {project && !project.developer_name && <Alert className="no-print" type="warning" showIcon message={t("papers.help.missingDeveloper")} />}
      {payment.reversed_by && <Alert className="no-print" type="error" showIcon message={t("papers.receipt.reversed")} data-testid="receipt-void" />}
      <article className="print-paper payment-receipt" data-testid="payment-receipt" lang="zh-CN">
        {payment.reversed_by && <div className="void-stamp">作废</div>}
        <h1>收款收据</h1>
        <div className="meta">
          <span>
            收据编号：<strong data-testid="receipt-number">{payment.receipt_no ?? ""}</strong>
          </span>
          <span>日期：{dayjs(payment.paid_on).format("YYYY年M月D日")}</span>
        </div>
        <table>
          <tbody>
            <tr>
              <th>交款人</th>
              <td data-testid="receipt-payer">{payment.customer_name}</td>
              <th>收款方式</th>
              <td>{zh(`finance.paymentChannels.${payment.method}`)}</td>
            </tr>
            <tr>
              <th>款项</th>
              <td colSpan={3}>{item}</td>
            </tr>
            <tr>
              <th>金额（小写）</th>
              <td colSpan={3} className="amount" data-testid="receipt-amount">
                {formatYuan(amount)}
              </td>
            </tr>
            <tr>
              <th>金额（大写）</th>
              <td colSpan={3} className="capital" data-testid="receipt-capital">
                人民币{amount.isNeg() ? "（退）" : ""}
                {capitalAmount(amount.abs())}
              </td>
            </tr>
            <tr>
              <th>收款单位</th>
              <td colSpan={3} data-testid="receipt-payee">
                {project?.developer_name ?? ""}
              </td>
            </tr>
          </tbody>
        </table>
        <div className="signatures">
          <div>收款单位（盖章）：</div>
          <div>财务（签字）：</div>
          <div>经办人：{payment.recorded_by_name ?? ""}</div>
          <div>交款人（签字）：</div>
        </div>
        <p className="footnote">本收据为收款凭证，不作为发票使用。</p>
      </article>
    </Space>
  );
}
