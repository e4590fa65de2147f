import en from "./en.json";
import zhCN from "./zh-CN.json";

/**
 * All labels per locale: the shell's files plus one pair per screen area in `areas/`
 * (`<area>.zh-CN.json`, `<area>.en.json`), each holding its own top-level keys. Areas keep the
 * screens' labels apart so that work on one area never touches another's file.
 */
const areaFiles = import.meta.glob<Record<string, unknown>>("./areas/*.json", { eager: true, import: "default" });

function messagesFor(locale: "zh-CN" | "en", base: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...base };
  for (const [file, content] of Object.entries(areaFiles)) {
    if (!file.endsWith(`.${locale}.json`)) continue;
    for (const [key, value] of Object.entries(content)) {
      if (key in merged) throw new Error(`i18n key "${key}" is defined twice (${file})`);
      merged[key] = value;
    }
  }
  return merged;
}

export const MESSAGES = {
  "zh-CN": messagesFor("zh-CN", zhCN),
  en: messagesFor("en", en),
};
