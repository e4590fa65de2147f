/** 外出带看 / /outing: a consultant reports before taking a customer out to view. */
export const outingZh = {
  "outing.notAllowed": "外出带看报备只对本项目的置业顾问和经理开放。",
  "outing.askCustomer": "带哪位客户外出看房？",
  "outing.askDestination": "去哪里看？例如：样板房、工地、其他楼盘（可写名称）",
  "outing.card.title": "🚗 外出带看报备",
  "outing.card.customer": (p: { name: string }) => `客户：${p.name}`,
  "outing.card.destination": (p: { text: string }) => `目的地：${p.text}`,
  "outing.card.out": (p: { at: string }) => `出发：${p.at}（现在）`,
  "outing.card.back": (p: { at: string }) => `预计返回：${p.at}`,
  "outing.saved": (p: { name: string; back: string }) => `✅ 已报备带 ${p.name} 外出看房，预计 ${p.back} 返回。回到案场后请在后台点「已返回」。`,
};

export const outingEn: typeof outingZh = {
  "outing.notAllowed": "Outing reports are for the project's consultants and managers.",
  "outing.askCustomer": "Which customer are you taking out?",
  "outing.askDestination": "Where to? e.g. 样板房 (show flat), 工地 (site), another project (its name)",
  "outing.card.title": "🚗 Outing report",
  "outing.card.customer": (p: { name: string }) => `Customer: ${p.name}`,
  "outing.card.destination": (p: { text: string }) => `Destination: ${p.text}`,
  "outing.card.out": (p: { at: string }) => `Leaving: ${p.at} (now)`,
  "outing.card.back": (p: { at: string }) => `Expected back: ${p.at}`,
  "outing.saved": (p: { name: string; back: string }) => `✅ Outing with ${p.name} reported; expected back at ${p.back}. Mark it returned in the admin when you are back.`,
};
