/** /project: the project the person works in, for people in several. */
export const projectsZh = {
  "project.ask": "您在多个项目任职，请先选择要操作的项目（之后可随时用 /project 切换）：",
  "project.current": (p: { name: string }) => `当前项目：${p.name}。点按钮切换到其他项目：`,
  "project.only": (p: { name: string }) => `您只在「${p.name}」一个项目任职，无需切换。`,
  "project.none": "您还没有任何项目的角色，请联系系统管理员。",
  "project.changed": (p: { name: string }) => `当前项目已切换为「${p.name}」。`,
  "project.notYours": "您不在这个项目任职，不能切换过去。",
  "help.currentProject": (p: { name: string }) => `当前项目：${p.name}（/project 切换）`,
};

export const projectsEn: typeof projectsZh = {
  "project.ask": "You work in several projects. Choose the one to work in first (switch any time with /project):",
  "project.current": (p) => `Current project: ${p.name}. Tap to switch:`,
  "project.only": (p) => `You work in ${p.name} only; there is nothing to switch.`,
  "project.none": "You have no role in any project yet; ask your administrator.",
  "project.changed": (p) => `Now working in ${p.name}.`,
  "project.notYours": "You do not work in that project, so you cannot switch to it.",
  "help.currentProject": (p) => `Current project: ${p.name} (/project to switch)`,
};
