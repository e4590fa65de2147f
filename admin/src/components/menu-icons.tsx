import { lazy, Suspense, type ComponentType, type CSSProperties } from "react";
import type * as Icons from "./menu-icons-real.ts";

/**
 * The menu's icons for resources.ts and resource-groups/: same names as @ant-design/icons, but
 * each is a stand-in that renders the real icon from one chunk (menu-icons-real.ts) loaded with
 * the signed-in shell, so the resource list in the entry chunk does not carry some forty SVGs
 * the sign-in page never shows. A new menu icon: add it to menu-icons-real.ts and below.
 */
type IconName = keyof typeof Icons;
interface IconProps {
  className?: string;
  style?: CSSProperties;
}

let icons: Promise<typeof Icons> | undefined;
let loadedIcons: typeof Icons | undefined;

/** Starts loading the icons (the shell's loader calls this with its own code). */
export const preloadMenuIcons = (): Promise<typeof Icons> => {
  icons ??= import("./menu-icons-real.ts").then((module) => (loadedIcons = module));
  icons.catch(() => (icons = undefined));
  return icons;
};

function menuIcon(name: IconName): ComponentType<IconProps> {
  const Icon = lazy(() => preloadMenuIcons().then((m) => ({ default: m[name] as ComponentType<IconProps> })));
  function MenuIcon({ className, style }: IconProps) {
    // Once loaded, drawn at once: a lazy icon suspends on its first render even then, and React
    // holds what replaces a fallback for 300 ms (the whole shell waited for its icons).
    const Loaded = loadedIcons?.[name] as ComponentType<IconProps> | undefined;
    if (Loaded) return <Loaded className={className} style={style} />;
    // Until it is there, an empty box of the icon's size keeps the label in place.
    const placeholder = <span role="img" className={className} style={{ display: "inline-block", width: "1em", height: "1em", ...style }} />;
    return (
      <Suspense fallback={placeholder}>
        <Icon className={className} style={style} />
      </Suspense>
    );
  }
  MenuIcon.displayName = name;
  return MenuIcon;
}

export const AccountBookOutlined = menuIcon("AccountBookOutlined");
export const AimOutlined = menuIcon("AimOutlined");
export const AlertOutlined = menuIcon("AlertOutlined");
export const ApartmentOutlined = menuIcon("ApartmentOutlined");
export const AppstoreOutlined = menuIcon("AppstoreOutlined");
export const AuditOutlined = menuIcon("AuditOutlined");
export const BarChartOutlined = menuIcon("BarChartOutlined");
export const BuildOutlined = menuIcon("BuildOutlined");
export const CalendarOutlined = menuIcon("CalendarOutlined");
export const CarOutlined = menuIcon("CarOutlined");
export const CheckSquareOutlined = menuIcon("CheckSquareOutlined");
export const CustomerServiceOutlined = menuIcon("CustomerServiceOutlined");
export const DashboardOutlined = menuIcon("DashboardOutlined");
export const EnvironmentOutlined = menuIcon("EnvironmentOutlined");
export const ExclamationCircleOutlined = menuIcon("ExclamationCircleOutlined");
export const FileDoneOutlined = menuIcon("FileDoneOutlined");
export const FileExcelOutlined = menuIcon("FileExcelOutlined");
export const FileSearchOutlined = menuIcon("FileSearchOutlined");
export const FileTextOutlined = menuIcon("FileTextOutlined");
export const FormOutlined = menuIcon("FormOutlined");
export const GiftOutlined = menuIcon("GiftOutlined");
export const HomeOutlined = menuIcon("HomeOutlined");
export const IdcardOutlined = menuIcon("IdcardOutlined");
export const LineChartOutlined = menuIcon("LineChartOutlined");
export const MailOutlined = menuIcon("MailOutlined");
export const MoneyCollectOutlined = menuIcon("MoneyCollectOutlined");
export const NotificationOutlined = menuIcon("NotificationOutlined");
export const OrderedListOutlined = menuIcon("OrderedListOutlined");
export const PercentageOutlined = menuIcon("PercentageOutlined");
export const PhoneOutlined = menuIcon("PhoneOutlined");
export const ProfileOutlined = menuIcon("ProfileOutlined");
export const ProjectOutlined = menuIcon("ProjectOutlined");
export const ReconciliationOutlined = menuIcon("ReconciliationOutlined");
export const RollbackOutlined = menuIcon("RollbackOutlined");
export const ScheduleOutlined = menuIcon("ScheduleOutlined");
export const SendOutlined = menuIcon("SendOutlined");
export const SettingOutlined = menuIcon("SettingOutlined");
export const ShopOutlined = menuIcon("ShopOutlined");
export const ShoppingOutlined = menuIcon("ShoppingOutlined");
export const SolutionOutlined = menuIcon("SolutionOutlined");
export const StarOutlined = menuIcon("StarOutlined");
export const SwapOutlined = menuIcon("SwapOutlined");
export const TableOutlined = menuIcon("TableOutlined");
export const TeamOutlined = menuIcon("TeamOutlined");
export const ToolOutlined = menuIcon("ToolOutlined");
export const UnorderedListOutlined = menuIcon("UnorderedListOutlined");
export const UserOutlined = menuIcon("UserOutlined");
export const UserSwitchOutlined = menuIcon("UserSwitchOutlined");
export const WalletOutlined = menuIcon("WalletOutlined");
