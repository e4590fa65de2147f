import { setEnglishErrors } from "../providers/postgrest-error.ts";
import zhCN from "./zh-CN.json";

/**
 * All labels per locale: the shell's files plus one pair per screen area in `areas/`
 * (`<area>.zh-CN.json`, `<area>.en.json`), each holding its own top-level keys. Areas keep the
 * screens' labels apart so that work on one area never touches another's file.
 *
 * Only the shell's zh-CN labels (`zh-CN.json`: the sign-in page, the header, errors) are in the
 * entry chunk. The zh-CN areas are one chunk of their own, requested at start-up and awaited by
 * the signed-in shell and the other lazy pages before they render (see `messagesReady` in
 * index.ts), so the sign-in page does not wait for them. English (shell and areas) is loaded only
 * when someone switches to it (or starts with it remembered): Chinese users never download it.
 */
export type Messages = Record<string, unknown>;

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

/** The shell's zh-CN labels, bundled: enough for the sign-in page. */
export const ZH_CN_SHELL: Messages = zhCN;

const once = (load: () => Promise<Messages>) => {
  let pending: Promise<Messages> | undefined;
  return (): Promise<Messages> => {
    pending ??= load();
    pending.catch(() => (pending = undefined));
    return pending;
  };
};

const loadAreas = async (files: Record<string, () => Promise<Messages>>) =>
  Object.fromEntries(await Promise.all(Object.entries(files).map(async ([file, load]) => [file, await load()] as const)));

/** Every zh-CN label (shell and areas), the areas fetched once. */
export const loadChinese = once(async () => merge(zhCN, (await import("./zh-areas.ts")).default));

/** Every English label, fetched once. */
export const loadEnglish = once(async () => {
  const [en, areas] = await Promise.all([import("./en.json").then((m) => m.default), loadAreas(enAreas)]);
  setEnglishErrors(en.errors);
  return merge(en, areas);
});

/** The labels of a locale, all areas included. */
export const loadMessages = (locale: "zh-CN" | "en"): Promise<Messages> => (locale === "en" ? loadEnglish() : loadChinese());
