import en from "./en.json";
import zhCN from "./zh-CN.json";

/**
 * All labels per locale: the shell's files plus one pair per screen area in `areas/`
 * (`<area>.zh-CN.json`, `<area>.en.json`), each holding its own top-level keys. Areas keep the
 * screens' labels apart so that work on one area never touches another's file.
 *
 * zh-CN is in the entry chunk (the default language); the English areas are chunks of their own, loaded
 * when someone switches to it (or starts with it remembered), so Chinese users never download it.
 */
type Messages = Record<string, unknown>;

const zhAreas = import.meta.glob<Messages>("./areas/*.zh-CN.json", { eager: true, import: "default" });
const enAreas = import.meta.glob<Messages>("./areas/*.en.json", { import: "default" });

function merge(base: Messages, files: Record<string, Messages>): Messages {
  const merged: Messages = { ...base };
  for (const [file, content] of Object.entries(files)) {
    for (const [key, value] of Object.entries(content)) {
      if (key in merged) throw new Error(`i18n key "${key}" is defined twice (${file})`);
      merged[key] = value;
    }
  }
  return merged;
}

export const ZH_CN_MESSAGES: Messages = merge(zhCN, zhAreas);

let english: Promise<Messages> | undefined;

/** The English labels, fetched once. */
export function loadEnglish(): Promise<Messages> {
  english ??= (async () => {
    const areas = await Promise.all(Object.entries(enAreas).map(async ([file, load]) => [file, await load()] as const));
    return merge(en, Object.fromEntries(areas));
  })();
  english.catch(() => (english = undefined));
  return english;
}

/** The labels of a locale (zh-CN at once, English loaded on demand). */
export const loadMessages = (locale: "zh-CN" | "en"): Promise<Messages> =>
  locale === "en" ? loadEnglish() : Promise.resolve(ZH_CN_MESSAGES);
