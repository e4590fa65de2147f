import { EditButton, ShowButton } from "@refinedev/antd";
import { Space, Table } from "antd";

/**
 * The last column of a plain list: 查看 and 编辑 for the row. A function returning the column
 * element rather than a component, since antd reads a Table's columns from its children's props.
 */
export function showEditColumn<T extends { id: string }>(title: string) {
  return (
    <Table.Column<T>
      key="actions"
      title={title}
      render={(_, row) => (
        <Space>
          <ShowButton hideText size="small" recordItemId={row.id} />
          <EditButton hideText size="small" recordItemId={row.id} />
        </Space>
      )}
    />
  );
}
