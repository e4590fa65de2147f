import { Badge, Table, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { QueueActions } from "./queue-actions.tsx";
import type { BoardRow } from "./use-board.ts";
import { CardTable } from "../../components/responsive/card-table.tsx";

interface Props {
  rows: BoardRow[];
  nextId: string | null;
  me: string | null;
  manager: boolean;
  loading: boolean;
}

/** The queue as a table for the office: order, who, free or busy, turns today, actions. */
export function BoardTable({ rows, nextId, me, manager, loading }: Props) {
  const { t } = useTranslation();
  return (
    <CardTable<BoardRow>
      dataSource={rows}
      rowKey="staff_id"
      loading={loading}
      pagination={false}
      data-testid="rotation-table"
      locale={{ emptyText: t("reception_board.empty") }}
      onRow={(r) => ({ style: r.staff_id === nextId ? { background: "#f6ffed" } : undefined })}
    >
      <Table.Column<BoardRow>
        dataIndex="position"
        title={t("reception_board.fields.position")}
        width={90}
        render={(p: number) => <Typography.Text strong style={{ fontSize: 20 }}>{p}</Typography.Text>}
      />
      <Table.Column<BoardRow>
        dataIndex="staff_name"
        title={t("reception_board.fields.staff")}
        render={(name: string, r) => (
          <span data-testid="rotation-name">
            <Typography.Text strong style={{ fontSize: 16 }}>{name}</Typography.Text>
            {r.staff_id === nextId && (
              <Tag color="green" style={{ marginInlineStart: 8 }}>
                {t("reception_board.next.label")}
              </Tag>
            )}
          </span>
        )}
      />
      <Table.Column<BoardRow>
        dataIndex="busy"
        title={t("reception_board.fields.state")}
        render={(busy: boolean) =>
          busy ? <Badge status="warning" text={t("reception_board.states.busy")} /> : <Badge status="success" text={t("reception_board.states.free")} />
        }
      />
      <Table.Column<BoardRow> dataIndex="turns" title={t("reception_board.fields.turns")} />
      <Table.Column<BoardRow>
        dataIndex="checked_in_at"
        title={t("reception_board.fields.checked_in_at")}
        render={(at: string) => dayjs(at).format("HH:mm")}
      />
      <Table.Column<BoardRow>
        dataIndex="last_assigned_at"
        title={t("reception_board.fields.last_assigned_at")}
        render={(at: string | null) => (at ? dayjs(at).format("HH:mm") : "—")}
      />
      <Table.Column<BoardRow>
        key="actions"
        title={t("table.actions")}
        render={(_, r) =>
          manager || r.staff_id === me ? <QueueActions row={r} self={r.staff_id === me} /> : null
        }
      />
    </CardTable>
  );
}
