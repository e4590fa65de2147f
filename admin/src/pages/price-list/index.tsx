import { Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useSalesBoard } from "../../components/inventory/use-sales-board.ts";
import { useCurrentProject } from "../../session/current-project.tsx";
import { ExportCard } from "./export-card.tsx";
import { ImportCard } from "./import-card.tsx";
import { PriceChangeRequests } from "./price-change-requests.tsx";
import { useAllowed } from "../../hooks/use-allowed.ts";

/** 价目表: export the current list; import a spreadsheet (managers and admins). */
export default function PriceListPage() {
  const { t } = useTranslation();
  const { project } = useCurrentProject();
  const canImport = useAllowed("price_list", "create");
  const current = useSalesBoard({ live: false });
  if (!project) return null;
  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t("price_list.price_list")}
        </Typography.Title>
        <Typography.Text type="secondary">{t("price_list.subtitle", { project: project.projectName })}</Typography.Text>
      </div>
      <ExportCard {...current} />
      {canImport && <ImportCard onApplied={() => void current.query.refetch()} />}
      {canImport && <PriceChangeRequests projectId={project.projectId} />}
    </Space>
  );
}
