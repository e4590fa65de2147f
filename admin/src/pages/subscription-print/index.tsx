import { useGo, useOne } from "@refinedev/core";
import { ArrowLeftOutlined, PrinterOutlined } from "@ant-design/icons";
import { Alert, Button, Result, Segmented, Space, Spin } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { useParams, useSearchParams } from "react-router";
import { useReport } from "../../components/reports/use-report.ts";
import type { Buildup } from "../../components/deals/buildup-table.tsx";
import { capitalAmount } from "../../components/deals/capital-amount.ts";
import { dec, formatYuan } from "../../components/money.tsx";
import type { BoardUnit } from "../../components/deals/unit-select.tsx";
import type { Project } from "../../resources/projects/types.ts";
import type { SubscriptionOverview } from "../../resources/subscriptions/types.ts";
import "./print.css";

const cn = (date: string | undefined) => (date ? dayjs(date).format("YYYY年M月D日") : "");
const yuan = (v: unknown) => formatYuan(dec(v)).replace("¥", "");
const ID_TYPES: Record<string, string> = { id_card: "身份证", passport: "护照", hk_macau_permit: "港澳通行证", taiwan_permit: "台胞证", other: "其他证件" };

type PrintProject = Pick<Project, "id" | "name" | "city" | "address" | "developer_name" | "presale_permit_no" | "developer_address">;

/**
 * 商品房认购书: the printable form (A4, Chinese) with the full price build-up in figures and 大写.
 * Two copies: 客户联 (for the buyer: no approval details or internal notes) and 存档联 (the
 * office's file: how the special discount was approved, and the subscription's note).
 */
export default function SubscriptionPrintPage() {
  const { t } = useTranslation();
  const go = useGo();
  const { id = "" } = useParams();
  const [params, setParams] = useSearchParams();
  const copy = params.get("copy") === "office" ? "office" : "customer";
  const { result: sub, query } = useOne<SubscriptionOverview>({ resource: "subscription_overview", id });
  const { result: raw } = useOne<{ id: string; buildup: Buildup; note: string | null }>({ resource: "subscriptions", id, meta: { select: "id, buildup, note" } });
  const { result: unit } = useOne<BoardUnit>({ resource: "unit_board", id: sub?.unit_id ?? "", queryOptions: { enabled: Boolean(sub) } });
  const { result: customer } = useOne<{ id: string; name: string; phone: string }>({
    resource: "customers",
    id: sub?.customer_id ?? "",
    meta: { select: "id, name, phone" },
    queryOptions: { enabled: Boolean(sub) },
  });
  const { result: project } = useOne<PrintProject>({
    resource: "projects",
    id: sub?.project_id ?? "",
    meta: { select: "id, name, city, address, developer_name, presale_permit_no, developer_address" },
    queryOptions: { enabled: Boolean(sub) },
  });
  // The buyer's ID document in full: the database gives it only to who may work the customer.
  const idDoc = useReport("customer_id_document", sub ? { p_customer_id: sub.customer_id } : null).data;
  const { result: discount } = useOne<{ id: string; reason: string }>({
    resource: "discount_requests",
    id: sub?.discount_request_id ?? "",
    meta: { select: "id, reason" },
    queryOptions: { enabled: Boolean(sub?.discount_request_id) && copy === "office" },
  });

  if (query.isLoading) return <Spin style={{ display: "block", margin: 48 }} />;
  if (!sub) return <Result status="404" title={t("subscription_print.notFound")} />;
  const b = raw?.buildup;
  const unitPrice = unit ? dec(sub.price).div(dec(unit.building_area)).toDecimalPlaces(2) : null;
  const number = `RG-${sub.id.slice(0, 8).toUpperCase()}`;

  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      <Space className="no-print" wrap>
        <Button icon={<ArrowLeftOutlined />} onClick={() => go({ to: `/subscriptions/show/${sub.id}` })}>
          {t("subscription_print.back")}
        </Button>
        <Segmented
          data-testid="print-copy"
          value={copy}
          onChange={(v) => setParams({ copy: String(v) }, { replace: true })}
          options={[
            { value: "customer", label: t("papers.copies.customer") },
            { value: "office", label: t("papers.copies.office") },
          ]}
        />
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t("subscription_print.print")}
        </Button>
      </Space>
      <Alert className="no-print" type="info" showIcon message={t(copy === "office" ? "papers.copies.officeHint" : "papers.copies.customerHint")} />
      {project && !project.developer_name && <Alert className="no-print" type="warning" showIcon message={t("papers.help.missingDeveloper")} data-testid="missing-developer" />}
      <article className="print-paper subscription-form" data-testid="subscription-form" data-copy={copy} lang="zh-CN">
        <h1>商品房认购书</h1>
        <div className="copy-label">{copy === "office" ? "存档联" : "客户联"}</div>
        <div className="meta">
          <span>编号：{number}</span>
          <span>签订日期：{cn(sub.created_at)}</span>
        </div>
        <table>
          <tbody>
            <tr>
              <th>出卖人（甲方）</th>
              <td colSpan={3} data-testid="seller">{project?.developer_name ?? ""}</td>
            </tr>
            <tr>
              <th>预售许可证号</th>
              <td>{project?.presale_permit_no ?? ""}</td>
              <th>甲方地址</th>
              <td>{project?.developer_address ?? ""}</td>
            </tr>
            <tr>
              <th>项目地址</th>
              <td colSpan={3}>{project?.address ?? project?.city}</td>
            </tr>
            <tr>
              <th>买受人（乙方）</th>
              <td>{customer?.name ?? sub.customer_name}</td>
              <th>联系电话</th>
              <td>{customer?.phone}</td>
            </tr>
            <tr>
              <th>证件类型</th>
              <td>{idDoc?.id_type ? ID_TYPES[idDoc.id_type] : ""}</td>
              <th>证件号码</th>
              <td data-testid="buyer-id-no">{idDoc?.id_no ?? ""}</td>
            </tr>
            <tr>
              <th>置业顾问</th>
              <td colSpan={3}>{sub.consultant_name}</td>
            </tr>
          </tbody>
        </table>

        <h2>第一条　认购房屋</h2>
        <table>
          <tbody>
            <tr>
              <th>项目名称</th>
              <td>{project?.name}</td>
              <th>楼栋房号</th>
              <td>
                {unit?.building_name} {sub.unit_label}
              </td>
            </tr>
            <tr>
              <th>户型</th>
              <td>{unit?.layout}</td>
              <th>朝向</th>
              <td>{unit?.orientation ?? "—"}</td>
            </tr>
            <tr>
              <th>建筑面积</th>
              <td>{unit ? `${unit.building_area} 平方米` : ""}</td>
              <th>套内面积</th>
              <td>{unit?.inner_area ? `${unit.inner_area} 平方米` : "—"}</td>
            </tr>
          </tbody>
        </table>

        <h2>第二条　价格构成（单位：元）</h2>
        {b && (
          <table data-testid="print-buildup">
            <tbody>
              <tr>
                <th>表价（总价）</th>
                <td>按销控表价</td>
                <td className="num">{yuan(b.list_price)}</td>
              </tr>
              {(b.steps ?? []).map((s) => (
                <tr key={s.policy}>
                  <th>{s.policy}</th>
                  <td>{s.kind === "factor" ? `乘以 ${s.factor}` : `立减 ${yuan(s.amount)}`}</td>
                  <td className="num">{yuan(s.price_after)}</td>
                </tr>
              ))}
              <tr>
                <th>优惠后价格</th>
                <td>按公示优惠政策</td>
                <td className="num">{yuan(b.price_after_policies)}</td>
              </tr>
              {dec(b.special_discount_amount).gt(0) && (
                <tr>
                  <th>特殊优惠</th>
                  <td data-testid="special-discount-note">
                    {copy === "office" ? `经审批，幅度 ${dec(b.depth_pct).toFixed(2)}%${discount?.reason ? `（申请理由：${discount.reason}）` : ""}` : "—"}
                  </td>
                  <td className="num">-{yuan(b.special_discount_amount)}</td>
                </tr>
              )}
              <tr>
                <th>成交总价</th>
                <td>{unitPrice ? `折合建筑面积单价 ${yuan(unitPrice)} 元/平方米` : ""}</td>
                <td className="num">
                  <strong>{yuan(sub.price)}</strong>
                </td>
              </tr>
              <tr>
                <th>成交总价（大写）</th>
                <td colSpan={2} className="capital" data-testid="price-capital">
                  人民币{capitalAmount(dec(sub.price))}
                </td>
              </tr>
            </tbody>
          </table>
        )}

        <h2>第三条　付款方式</h2>
        <p>乙方选择以【{t(`deals.paymentMethods.${sub.payment_method}`, { lng: "zh-CN" })}】方式支付房款，具体付款计划以双方签订的《商品房买卖合同》为准。</p>

        <h2>第四条　定金</h2>
        <p>
          乙方应于签订本认购书时向甲方支付定金人民币 {yuan(sub.deposit_due)} 元（大写：<span className="capital" data-testid="deposit-capital">{capitalAmount(dec(sub.deposit_due))}</span>）
          {dec(sub.sincerity_applied).gt(0) && <>，其中已交诚意金 {yuan(sub.sincerity_applied)} 元（大写：{capitalAmount(dec(sub.sincerity_applied))}）转为定金</>}
          。签订《商品房买卖合同》后，定金转为房款。
        </p>

        <h2>第五条　签约期限</h2>
        <p>
          乙方应于 <strong>{cn(sub.contract_deadline)}</strong> 前到甲方售楼处签订《商品房买卖合同》。逾期未签约的，视为乙方放弃认购，甲方有权将该房屋另行出售，定金按相关规定处理。
        </p>

        <h2>第六条　其他约定</h2>
        <p>
          本认购书约定的成交价格、付款方式等主要条款与双方将签订的《商品房买卖合同》一致。本认购书一式两份，甲乙双方各执一份，自双方签字（盖章）之日起生效。
        </p>

        {copy === "office" && raw?.note && (
          <p data-testid="internal-note">
            <strong>内部备注：</strong>
            {raw.note}
          </p>
        )}

        <div className="signatures">
          <div>出卖人（甲方盖章）：</div>
          <div>买受人（乙方签字）：</div>
          <div>置业顾问：{sub.consultant_name}</div>
          <div>日期：　　　年　　月　　日</div>
        </div>
      </article>
    </Space>
  );
}
