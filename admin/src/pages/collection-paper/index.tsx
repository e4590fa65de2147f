import type { Database } from "@so/shared/database.types";
import { Result, Spin } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { capitalAmount } from "../../components/deals/capital-amount.ts";
import { dec, yuanText } from "../../components/money.tsx";
import { PaperPage } from "../../components/print/paper-page.tsx";
import { useReport } from "../../components/reports/use-report.ts";
import { itemLabel } from "../../resources/receivables/item-label.ts";
import type { ReceivableRow } from "../../resources/receivables/types.ts";

interface Contact {
  contacted_at: string;
  channel: string;
  note: string;
  promised_on: string | null;
  by_name: string | null;
}
export type Paper = ReceivableRow &
  Pick<Database["public"]["Views"]["receivables"]["Row"], "collection_stage"> & {
    paper: "report" | "letter";
    paper_no: string;
    today: string;
    project_name: string;
    project_address: string | null;
    developer_name: string | null;
    developer_address: string | null;
    contract_price: number | null;
    contacts: Contact[];
  };

const cn = (d: string | null | undefined) => (d ? dayjs(d).format("YYYY年M月D日") : "");

/**
 * The 催款 papers of one amount due (collection_paper): the 未回款报告单 the consultant files to the
 * sales manager from a week overdue, and the 逾期回款函 to the customer from a month overdue.
 */
export default function CollectionPaperPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id = "", paper = "" } = useParams();
  const { data, error, loading } = useReport("collection_paper", { p_receivable_id: id, p_paper: paper });

  if (loading) return <Spin style={{ display: "block", margin: 48 }} />;
  if (!data) return <Result status="404" title={error?.message ?? t("collection_paper.notFound")} />;
  const item = itemLabel(t, data);
  const deal = `${data.project_name} ${data.unit_label ?? ""}`;
  return (
    <PaperPage onBack={() => navigate(-1)}>
      {data.paper === "report" ? <Report p={data} item={item} deal={deal} /> : <Letter p={data} item={item} deal={deal} />}
    </PaperPage>
  );
}

function Report({ p, item, deal }: { p: Paper; item: string; deal: string }) {
  const { t } = useTranslation();
  return (
    <article className="print-paper paper-sheet a4" data-testid="collection-report" lang="zh-CN">
      <h1>未回款报告单</h1>
      <div className="meta">
        <span>编号：{p.paper_no}</span>
        <span>填报日期：{cn(p.today)}</span>
      </div>
      <table>
        <tbody>
          <tr>
            <th>客户</th>
            <td>{p.customer_name}</td>
            <th>房源</th>
            <td>{deal}</td>
          </tr>
          <tr>
            <th>合同编号</th>
            <td>{p.contract_no ?? "（认购阶段，尚无合同）"}</td>
            <th>置业顾问</th>
            <td>{p.consultant_name}</td>
          </tr>
          <tr>
            <th>款项</th>
            <td>{item}</td>
            <th>应付日期</th>
            <td>{cn(p.due_date)}</td>
          </tr>
          <tr>
            <th>应收金额</th>
            <td className="num">{yuanText(p.amount_due)}</td>
            <th>已收金额</th>
            <td className="num">{yuanText(p.paid)}</td>
          </tr>
          <tr>
            <th>未收金额</th>
            <td className="num" data-testid="paper-outstanding">{yuanText(p.outstanding)}</td>
            <th>逾期天数</th>
            <td>{p.overdue_days} 天</td>
          </tr>
        </tbody>
      </table>
      <h2 style={{ fontSize: "12pt", margin: "5mm 0 2mm" }}>催款记录</h2>
      <table data-testid="paper-contacts">
        <thead>
          <tr>
            <th>时间</th>
            <th>方式</th>
            <th>经办人</th>
            <th>沟通内容</th>
            <th>承诺付款日</th>
          </tr>
        </thead>
        <tbody>
          {p.contacts.length === 0 && (
            <tr>
              <td colSpan={5}>（尚无催款记录）</td>
            </tr>
          )}
          {p.contacts.map((c) => (
            <tr key={c.contacted_at + c.note}>
              <td>{dayjs(c.contacted_at).format("YYYY-MM-DD HH:mm")}</td>
              <td>{t(`receivables.collect.channels.${c.channel}`)}</td>
              <td>{c.by_name}</td>
              <td>{c.note}</td>
              <td>{c.promised_on ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table style={{ marginTop: "5mm" }}>
        <tbody>
          <tr>
            <th>未回款原因</th>
            <td style={{ height: "22mm" }} />
          </tr>
          <tr>
            <th>下一步措施</th>
            <td style={{ height: "22mm" }} />
          </tr>
          <tr>
            <th>销售经理意见</th>
            <td style={{ height: "22mm" }} />
          </tr>
        </tbody>
      </table>
      <div className="signatures">
        <div>填报人：</div>
        <div>销售经理：</div>
        <div>日期：</div>
      </div>
    </article>
  );
}

function Letter({ p, item, deal }: { p: Paper; item: string; deal: string }) {
  const owed = dec(p.outstanding);
  return (
    <article className="print-paper paper-sheet a4" data-testid="collection-letter" lang="zh-CN">
      <h1>逾期回款函</h1>
      <div className="meta">
        <span>编号：{p.paper_no}</span>
        <span>{cn(p.today)}</span>
      </div>
      <p className="addressee">尊敬的 {p.customer_name} 先生/女士：</p>
      <p>
        您{p.contract_status === "signed" && p.contract_no ? `与我司签订的《商品房买卖合同》（合同编号：${p.contract_no}）` : "与我司签订的《商品房认购书》"}，所购房屋为
        {deal}。按约定，{item}应于 {cn(p.due_date)} 前付清，应付金额人民币 {yuanText(p.amount_due)}，至今已付{" "}
        {yuanText(p.paid)}，尚欠 <strong data-testid="paper-outstanding">{yuanText(owed)}</strong>（大写：{capitalAmount(owed)}），已逾期{" "}
        {p.overdue_days} 天。
      </p>
      <p>
        请您收到本函后七日内将上述款项付至我司指定账户，或到售楼处办理付款手续。如您已付款，请将付款凭证交我司核对，并请忽略本函。逾期付款的违约责任，按合同约定处理。
      </p>
      <p>如有疑问，请联系您的置业顾问 {p.consultant_name ?? ""} 或售楼处财务。</p>
      <table style={{ marginTop: "4mm" }}>
        <thead>
          <tr>
            <th>款项</th>
            <th>应付日期</th>
            <th>应付金额</th>
            <th>已付金额</th>
            <th>尚欠金额</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>{item}</td>
            <td>{cn(p.due_date)}</td>
            <td className="num">{yuanText(p.amount_due)}</td>
            <td className="num">{yuanText(p.paid)}</td>
            <td className="num">{yuanText(p.outstanding)}</td>
          </tr>
        </tbody>
      </table>
      <p className="closing" data-testid="paper-developer">
        {p.developer_name ?? p.project_name}
        <br />
        {cn(p.today)}
      </p>
      <div className="signatures" style={{ gridTemplateColumns: "1fr 1fr" }}>
        <div>客户签收：</div>
        <div>签收日期：</div>
      </div>
    </article>
  );
}
