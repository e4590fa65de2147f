import { Select, type SelectProps } from "antd";
import { useTranslation } from "react-i18next";
import { ROLES } from "../../session/roles.ts";

/** A role of `public.staff_role`, in Chinese. */
export function RoleSelect(props: SelectProps<string>) {
  const { t } = useTranslation();
  return <Select<string> {...props} options={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))} />;
}
