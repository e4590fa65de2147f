import { SURVEY_SOURCES } from "@so/shared/schemas/office";
import { App, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import { RpcError } from "../../components/customers/rpc-error.tsx";
import { dec, parseAmount } from "../../components/money.tsx";
import { useProjectRpc } from "../../hooks/use-project-rpc.ts";
import type { MarketSurvey, SaveSurveyArgs } from "./types.ts";

interface Values {
  competitor?: string; location?: string; survey_date: Dayjs; avg_price?: string; price_min?: string; price_max?: string;
  offers?: string; monthly_sales?: number | null; sales_pace?: string; product_notes?: string; source: string;
}

const price = (text: string | undefined) => (text && text.trim() ? parseAmount(text)?.toFixed(2) : undefined);

/** 登记 / 修改踩盘记录 (save_market_survey): the database checks every field and who may change it. */
export function SurveyForm({ survey, onClose }: { survey: MarketSurvey | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useProjectRpc("save_market_survey");
  const f = (k: string) => t(`market_surveys.fields.${k}`);
  const amount = (v: unknown) => (v === null || v === undefined ? undefined : dec(v).toFixed(2));
  const amountRule = {
    validator: (_: unknown, v: string | undefined) =>
      !v || !v.trim() || parseAmount(v) ? Promise.resolve() : Promise.reject(new Error(t("deals.money.invalid"))),
  };

  const submit = async (v: Values) => {
    const args: SaveSurveyArgs = {
      p_id: survey?.id,
      p_competitor: v.competitor ?? "",
      p_location: v.location,
      p_survey_date: v.survey_date.format("YYYY-MM-DD"),
      p_avg_price: price(v.avg_price),
      p_price_min: price(v.price_min),
      p_price_max: price(v.price_max),
      p_offers: v.offers,
      p_monthly_sales: v.monthly_sales ?? undefined,
      p_sales_pace: v.sales_pace,
      p_product_notes: v.product_notes,
      p_source: v.source,
    };
    if (!(await save.call(args).then(() => true, () => false))) return;
    message.success(t("market_surveys.saved"));
    onClose();
  };

  return (
    <Modal
      open
      width={760}
      title={survey ? t("market_surveys.titles.edit") : t("market_surveys.titles.create")}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t("market_surveys.save")}
      okButtonProps={{ loading: save.pending, ...{ "data-testid": "save-survey" } }}
    >
      <RpcError error={save.error} />
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          competitor: survey?.competitor,
          location: survey?.location ?? undefined,
          survey_date: survey ? dayjs(survey.survey_date) : dayjs(),
          avg_price: amount(survey?.avg_price),
          price_min: amount(survey?.price_min),
          price_max: amount(survey?.price_max),
          offers: survey?.offers ?? undefined,
          monthly_sales: survey?.monthly_sales,
          sales_pace: survey?.sales_pace ?? undefined,
          product_notes: survey?.product_notes ?? undefined,
          source: survey?.source ?? "visit",
        }}
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="competitor" label={f("competitor")} required>
              <Input maxLength={100} data-testid="survey-competitor" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="location" label={f("location")}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="survey_date" label={f("survey_date")} required>
              <DatePicker allowClear={false} style={{ width: "100%" }} disabledDate={(d) => d.isAfter(dayjs(), "day")} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="source" label={f("source")}>
              <Select options={SURVEY_SOURCES.map((s) => ({ value: s, label: t(`market_surveys.sources.${s}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="monthly_sales" label={f("monthly_sales")}>
              <InputNumber min={0} precision={0} style={{ width: "100%" }} data-testid="survey-monthly-sales" />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="avg_price" label={f("avg_price")} rules={[amountRule]} extra={t("market_surveys.perSqm")}>
              <Input prefix="¥" data-testid="survey-avg-price" />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="price_min" label={f("price_min")} rules={[amountRule]}>
              <Input prefix="¥" data-testid="survey-price-min" />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="price_max" label={f("price_max")} rules={[amountRule]}>
              <Input prefix="¥" data-testid="survey-price-max" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="offers" label={f("offers")}>
              <Input.TextArea rows={2} maxLength={500} data-testid="survey-offers" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="sales_pace" label={f("sales_pace")}>
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="product_notes" label={f("product_notes")}>
              <Input.TextArea rows={2} maxLength={1000} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
