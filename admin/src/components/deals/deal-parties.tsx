import { Form, type FormInstance } from "antd";
import { useTranslation } from "react-i18next";
import { CustomerSelect } from "./customer-select.tsx";
import { UnitSelect, type BoardUnit } from "./unit-select.tsx";

/**
 * 房源 and 客户 of a deal form (fields `unit` and `customer`, both required), labelled from the
 * form's own i18n area (`<area>.fields.unit`, `<area>.required.unit`, …).
 */
export function DealParties({ area, units, meId, projectId }: { area: string; units: BoardUnit[]; meId?: string; projectId?: string }) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="unit" label={t(`${area}.fields.unit`)} rules={[{ required: true, message: t(`${area}.required.unit`) }]}>
        <UnitSelect units={units} meId={meId} />
      </Form.Item>
      <Form.Item name="customer" label={t(`${area}.fields.customer`)} rules={[{ required: true, message: t(`${area}.required.customer`) }]}>
        {projectId && <CustomerSelect projectId={projectId} />}
      </Form.Item>
    </>
  );
}

/** A unit held for someone, once picked, brings that customer when none is chosen yet. */
export function fillHeldCustomer(form: FormInstance, units: BoardUnit[], changed: { unit?: string }): void {
  if (!changed.unit) return;
  const held = units.find((u) => u.id === changed.unit)?.held_for;
  if (held && !form.getFieldValue("customer")) form.setFieldValue("customer", held);
}
