/** Finding one of the person's customers by name or phone. */
export const customersZh = {
  "customers.register": (p: { query: string }) => `➕ 登记新客户「${p.query}」`,
  "customers.pickOrType": "点选客户，或发送客户姓名 / 手机号 / 手机尾号：",
  "customers.type": "请发送客户姓名、手机号或手机尾号：",
  "customers.several": (p: { query: string }) => `找到多位「${p.query}」，请选择：`,
  "customers.none": (p: { query: string }) =>
    `没有找到「${p.query}」（只查找您名下和公客池的客户）。请重新发送姓名、手机号或尾号，或点「取消」。`,
};

export const customersEn: typeof customersZh = {
  "customers.register": (p) => `➕ Register “${p.query}” as a new customer`,
  "customers.pickOrType": "Tap a customer, or send a name / mobile number / last 4 digits:",
  "customers.type": "Send the customer's name, mobile number or its last 4 digits:",
  "customers.several": (p) => `Several customers match “${p.query}”; pick one:`,
  "customers.none": (p) =>
    `No customer “${p.query}” found (only yours and the public pool are searched). Send another name, number or last 4 digits, or tap Cancel.`,
};
