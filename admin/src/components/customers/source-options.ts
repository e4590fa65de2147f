import { CUSTOMER_SOURCES } from "@so/shared/enums";
import { useTranslation } from "react-i18next";

/** 来源 (walk-in, call, channel …) as select options. */
export function useSourceOptions() {
  const { t } = useTranslation();
  return CUSTOMER_SOURCES.map((s) => ({ value: s, label: t(`customers.sources.${s}`) }));
}
