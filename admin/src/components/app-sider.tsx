import { BarsOutlined, LeftOutlined, LogoutOutlined, RightOutlined, UnorderedListOutlined } from "@ant-design/icons";
import { useThemedLayoutContext, type RefineThemedLayoutSiderProps } from "@refinedev/antd";
import { useLink, useLogout, useMenu, useTranslate, useWarnAboutChange, type TreeMenuItem } from "@refinedev/core";
import { Button, Drawer, Grid, Layout, Menu, theme, type MenuProps } from "antd";
import { useMemo, type CSSProperties } from "react";
import { useAccess } from "../hooks/use-allowed.ts";

type MenuItem = Required<MenuProps>["items"][number];

/**
 * The sider: refine's menu (useMenu) laid out as refine's ThemedSider does (collapsible on a wide
 * screen, a drawer behind a button on a narrow one), its entries those whose `list` the person's
 * roles in the project allow (a group when it is allowed and keeps an entry). refine's own sider
 * asks the access-control provider about each entry as it mounts, a query each; this decides them
 * all before the menu renders, from the roles already loaded.
 */
export function AppSider({ Title }: RefineThemedLayoutSiderProps) {
  const { token } = theme.useToken();
  const { siderCollapsed, setSiderCollapsed, mobileSiderOpen, setMobileSiderOpen } = useThemedLayoutContext();
  const Link = useLink();
  const translate = useTranslate();
  const { warnWhen, setWarnWhen } = useWarnAboutChange();
  const { mutate: logout } = useLogout();
  const { menuItems, selectedKey, defaultOpenKeys } = useMenu();
  const may = useAccess();
  const breakpoint = Grid.useBreakpoint();
  const isMobile = breakpoint.lg === undefined ? false : !breakpoint.lg;

  const items = useMemo(() => {
    const toItems = (tree: TreeMenuItem[]): MenuItem[] =>
      tree.flatMap((entry): MenuItem[] => {
        if (!may(entry.name, "list")) return [];
        const label = entry.label ?? entry.meta?.label ?? entry.name;
        const icon = entry.meta?.icon;
        if (entry.children.length > 0) {
          const children = toItems(entry.children);
          return children.length ? [{ key: entry.key, icon: icon ?? <UnorderedListOutlined />, label, children }] : [];
        }
        return [{ key: entry.key, icon: icon ?? (entry.meta?.parent ? undefined : <UnorderedListOutlined />), label: <Link to={entry.list ?? ""}>{label}</Link> }];
      });
    return toItems(menuItems);
  }, [menuItems, may, Link]);

  const signOut = () => {
    if (!warnWhen) return logout();
    if (window.confirm(translate("warnWhenUnsavedChanges", "Are you sure you want to leave? You have unsaved changes."))) {
      setWarnWhen(false);
      logout();
    }
  };
  const logoutItem: MenuItem = { key: "logout", icon: <LogoutOutlined />, label: translate("buttons.logout", "Logout"), onClick: signOut };

  const menu = (
    <Menu
      mode="inline"
      items={[...items, logoutItem]}
      selectedKeys={selectedKey ? [selectedKey] : []}
      defaultOpenKeys={defaultOpenKeys}
      style={{ paddingTop: 8, border: "none", overflow: "auto", height: "calc(100% - 72px)" }}
      onClick={() => setMobileSiderOpen(false)}
    />
  );
  const titleBar = (collapsed: boolean): CSSProperties => ({
    width: collapsed ? 80 : 200,
    padding: collapsed ? 0 : "0 16px",
    display: "flex",
    justifyContent: collapsed ? "center" : "flex-start",
    alignItems: "center",
    height: 64,
    backgroundColor: token.colorBgElevated,
    fontSize: 14,
  });
  const siderStyle: CSSProperties = { backgroundColor: token.colorBgContainer, borderRight: `1px solid ${token.colorBgElevated}` };

  if (isMobile) {
    return (
      <>
        <Drawer open={mobileSiderOpen} onClose={() => setMobileSiderOpen(false)} placement="left" closable={false} width={200} styles={{ body: { padding: 0 } }}>
          <Layout>
            <Layout.Sider style={{ ...siderStyle, height: "100vh" }}>
              <div style={titleBar(false)}>{Title && <Title collapsed={false} />}</div>
              {menu}
            </Layout.Sider>
          </Layout>
        </Drawer>
        <Button
          style={{ borderStartStartRadius: 0, borderEndStartRadius: 0, position: "fixed", top: 64, zIndex: 999 }}
          size="large"
          onClick={() => setMobileSiderOpen(true)}
          icon={<BarsOutlined />}
        />
      </>
    );
  }

  const Toggle = siderCollapsed ? RightOutlined : LeftOutlined;
  return (
    <Layout.Sider
      style={siderStyle}
      collapsible
      collapsed={siderCollapsed}
      onCollapse={(collapsed, type) => type === "clickTrigger" && setSiderCollapsed(collapsed)}
      collapsedWidth={80}
      breakpoint="lg"
      trigger={
        <Button type="text" style={{ borderRadius: 0, height: "100%", width: "100%", backgroundColor: token.colorBgElevated }}>
          <Toggle style={{ color: token.colorPrimary }} />
        </Button>
      }
    >
      <div style={titleBar(siderCollapsed)}>{Title && <Title collapsed={siderCollapsed} />}</div>
      {menu}
    </Layout.Sider>
  );
}
