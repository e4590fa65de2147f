import { Result, Spin } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { PaperPage } from "../../components/print/paper-page.tsx";
import { useReport } from "../../components/reports/use-report.ts";

const at = (v: string | null) => (v ? dayjs(v).format("YYYY年M月D日 HH:mm") : "");

/**
 * 带看确认单 of a confirmed broker visit (visit_slip): what both sides sign at the sales office.
 * The database decides who may print it and masks the customer's phone.
 */
export default function VisitSlipPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id = "" } = useParams();
  const { data: slip, error, loading } = useReport("visit_slip", { p_report_id: id });

  if (loading) return <Spin style={{ display: "block", margin: 48 }} />;
  if (!slip) return <Result status="404" title={error?.message ?? t("visit_slip.notFound")} />;
  return (
    <PaperPage onBack={() => navigate(-1)}>
      <article className="print-paper paper-sheet" data-testid="visit-slip" lang="zh-CN">
        <h1>带看确认单</h1>
        <div className="meta">
          <span>项目：{slip.project_name}</span>
          <span>编号：{slip.slip_no}</span>
        </div>
        <table>
          <tbody>
            <tr>
              <th>开发商</th>
              <td colSpan={3}>{slip.developer_name ?? ""}</td>
            </tr>
            <tr>
              <th>项目地址</th>
              <td colSpan={3}>{slip.project_address ?? ""}</td>
            </tr>
            <tr>
              <th>经纪公司</th>
              <td>
                {slip.agency_name}
                {slip.store_name ? ` · ${slip.store_name}` : ""}
              </td>
              <th>经纪人</th>
              <td data-testid="slip-broker">
                {slip.broker_name}
                {slip.broker_phone ? `（${slip.broker_phone}）` : ""}
              </td>
            </tr>
            <tr>
              <th>客户姓名</th>
              <td data-testid="slip-customer">{slip.customer_name}</td>
              <th>客户电话</th>
              <td data-testid="slip-phone">{slip.customer_phone}</td>
            </tr>
            <tr>
              <th>报备时间</th>
              <td>{at(slip.reported_at)}</td>
              <th>到访时间</th>
              <td data-testid="slip-visited">{at(slip.visited_at)}</td>
            </tr>
            <tr>
              <th>接待置业顾问</th>
              <td data-testid="slip-consultant">{slip.consultant_name ?? ""}</td>
              <th>带看确认人</th>
              <td>{slip.confirmed_by_name ?? ""}</td>
            </tr>
            <tr>
              <th>客户保护期</th>
              <td colSpan={3}>
                {slip.protection_days ? `${slip.protection_days}天，至 ${dayjs(slip.protected_until).format("YYYY年M月D日")}` : ""}
              </td>
            </tr>
          </tbody>
        </table>
        <p className="note">
          经纪人于上述时间带领上述客户到本项目案场看房，经双方确认属实。保护期内该客户成交的，按合作协议结算佣金；客户电话已隐去中间四位。
        </p>
        <div className="signatures">
          <div>经纪人签字：</div>
          <div>置业顾问签字：</div>
          <div>日期：</div>
        </div>
      </article>
    </PaperPage>
  );
}
