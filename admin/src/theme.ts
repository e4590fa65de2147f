import type { ThemeConfig } from "antd";

/** antd theme: default blue, with CJK fonts named first so Chinese renders crisply everywhere. */
export const THEME: ThemeConfig = {
  token: {
    fontFamily:
      '-apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Helvetica Neue", Arial, sans-serif',
    borderRadius: 6,
  },
};
