/** What every dialogue says: its buttons, cancelling, leaving a card for something new. */
export const dialogZh = {
  "dialog.confirm": "✅ 确认",
  "dialog.edit": "✏️ 修改",
  "dialog.cancel": "✖️ 取消",
  "dialog.back": "‹ 返回",
  "dialog.skip": "跳过",
  "dialog.cancelled": "已取消，没有保存任何内容。",
  "dialog.abandoned": "上一张卡片未确认，已放弃。",
  "dialog.saved": "✅ 已保存",
  "dialog.notAllowed": "您在项目中没有可执行此操作的角色。",
  "dialog.which": "要修改哪一项？",
  "dialog.nothingToCancel": "当前没有进行中的操作。",
};

export const dialogEn: typeof dialogZh = {
  "dialog.confirm": "✅ Confirm",
  "dialog.edit": "✏️ Change",
  "dialog.cancel": "✖️ Cancel",
  "dialog.back": "‹ Back",
  "dialog.skip": "Skip",
  "dialog.cancelled": "Cancelled; nothing was saved.",
  "dialog.abandoned": "The previous card was not confirmed and has been dropped.",
  "dialog.saved": "✅ Saved",
  "dialog.notAllowed": "None of your roles in your projects can do this.",
  "dialog.which": "What do you want to change?",
  "dialog.nothingToCancel": "Nothing is in progress.",
};
