/** The zh-CN labels of every screen area, one chunk (loaded by messages.ts's `loadChinese`). */
export default import.meta.glob<Record<string, unknown>>("./areas/*.zh-CN.json", { eager: true, import: "default" });
