import { Show } from "@refinedev/antd";
import { useList, useParsed, useShow } from "@refinedev/core";
import { Card, Col, Row, Space } from "antd";
import { useTranslation } from "react-i18next";
import { UnitFacts } from "../../components/inventory/unit-facts.tsx";
import { UnitHistory } from "../../components/inventory/unit-history.tsx";
import { useUnitActions } from "../../components/inventory/use-unit-actions.ts";
import { UnitStatusTag } from "../../components/inventory/unit-status-tag.tsx";
import { UnitActions, unitVersion } from "../../pages/board/unit-actions.tsx";
import { toBoardUnit, type UnitBoardRow } from "./types.ts";

/** 房源详情: facts, what the role may do with the unit, and its history. */
export default function UnitShow() {
  const { t } = useTranslation();
  // The page is the units resource's; its data is the unit_board view (effective status).
  const { id } = useParsed();
  const { result: row, query } = useShow<UnitBoardRow>({ resource: "unit_board", id });
  const { result: customers } = useList<{ id: string; name: string }>({
    resource: "customers",
    filters: [{ field: "id", operator: "eq", value: row?.held_for }],
    meta: { select: "id, name" },
    queryOptions: { enabled: Boolean(row?.held_for) },
    errorNotification: false,
  });
  const unit = row ? toBoardUnit(row, customers.data[0]?.name ?? null) : undefined;
  const readAudit = useUnitActions(unit?.id, unit && unitVersion(unit)).allowed.read_audit;
  return (
    <Show
      isLoading={query.isLoading}
      title={
        unit && (
          <Space>
            {row?.building_name} {unit.number}
            <UnitStatusTag status={unit.status} />
          </Space>
        )
      }
      canEdit={false}
    >
      {unit && (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={12}>
            <Card title={t("units.sections.facts")} size="small">
              <UnitFacts unit={unit} />
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Space direction="vertical" size="middle" style={{ width: "100%" }}>
              <Card title={t("board.drawer.actions")} size="small">
                <UnitActions key={unit.id} unit={unit} onChanged={() => void query.refetch()} />
              </Card>
              <Card title={readAudit ? t("board.drawer.history") : t("board.drawer.subscriptions")} size="small">
                <UnitHistory unitId={unit.id} canReadAudit={readAudit} refreshKey={unit.updated_at} />
              </Card>
            </Space>
          </Col>
        </Row>
      )}
    </Show>
  );
}
