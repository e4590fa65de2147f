/**
 * Traditional → simplified characters, one for one, for the words of this domain (so the same
 * patterns read 來電諮詢兩房 and 来电咨询两房). The mapping keeps every character's position, so
 * a name found in the simplified text is given back as written (鄭小姐 stays 鄭小姐).
 */
const PAIRS =
  "來来 電电 諮咨 詢询 兩两 報报 備备 預预 萬万 訪访 貴贵 週周 聯联 繫系 過过 話话 複复 滿满 場场 訂订 單单 價价 " +
  "樓楼 層层 號号 棟栋 戶户 廳厅 臥卧 間间 積积 區区 購购 買买 賣卖 優优 請请 審审 認认 簽签 約约 與与 這这 還还 " +
  "麼么 嗎吗 會会 談谈 說说 錢钱 總总 額额 給给 見见 發发 塊块 機机 碼码 網网 絡络 級级 類类 親亲 紹绍 門门 " +
  "進进 現现 後后 時时 點点 鐘钟 們们 對对 當当 從从 經经 紀纪 鏈链 趙赵 鄭郑 陳陈 劉刘 張张 楊杨 黃黄 吳吴 " +
  "孫孙 馬马 許许 鄧邓 蔣蒋 韓韩 馮冯 盧卢 蕭萧 鍾钟 譚谭 陸陆 顧顾 龔龚 閻阎 羅罗 葉叶 蘇苏 呂吕 魏魏 賈贾 " +
  "謝谢 頭头 們们 讓让 減减 宜宜 夠够 貸贷 款款 務务 處处 辦办 間间 問问 題题 覺觉 試试 幫帮 準准 備备 話话 " +
  "戶户 態态 這这 邊边 種种 選选 擇择 樣样 闆板 闆板 覽览 車车 庫库 陽阳 臺台 窗窗 廚厨 衛卫 盤盘 紅红 書书 " +
  "禮礼 拜拜 於于 們们 雖虽 然然 應应 該该 麗丽 鳳凤 華华 偉伟 強强 軍军 傑杰 濤涛 靜静 婦妇 業业 務务 員员 " +
  "客客 戶户 腦脑 聽听 說说 嫌嫌 聯联 繫系 絡络 沒没 接接 擬拟 詳详 細细 訊讯 範范 圍围 東东 南南 北北 開开 " +
  "關关 閉闭 筆笔 錄录 記记 檔档 條条 雙双 熱热 線线 專专 屬属 鎖锁 約约 級级 長长 實实 際际 寬宽 廣广 規规 劃划 " +
  "齊齐 楊杨 張张 蔣蒋 壽寿 費费 貨货 櫃柜 燈灯 輛辆 嘗尝 願愿 釐厘 億亿 歲岁 幾几 個个 隻只 麵面 裡里 裏里 後后 " +
  "總总 覆复 聞闻 嚴严 紹绍 夢梦 園园 圓圆 漢汉 灣湾 橋桥 滬沪 蘇苏 濟济 陝陕 遼辽 隊队 陰阴 風风 綠绿 藍蓝 隨随 " +
  "資资 適适 環环 學学 區区 憂忧 慮虑 據据 擔担 寫写 讀读 費费 價价 驗验 證证 據据 藝艺 廣广 盡尽 剛刚 歡欢 喜喜 " +
  "舊旧 帶带 鐵铁 鋪铺 銷销 售售 額额 檢检 賬账 戰战 貿贸 鄰邻 滿满 飯饭 館馆 農农 醫医 壓压 積积 穩稳 嚴严 " +
  "愛爱 傳传 產产 庫库 倉仓 層层 雜杂 顏颜 龍龙 鳥鸟 魚鱼 鮮鲜 麥麦 黨党 齡龄 劑剂 劍剑 勁劲 勞劳 勢势 動动";

const MAP = new Map<string, string>();
for (const pair of PAIRS.split(" ")) {
  const [traditional, simplified] = [...pair];
  if (traditional && simplified) MAP.set(traditional, simplified);
}

export function toSimplified(text: string): string {
  let out = "";
  for (const char of text) out += MAP.get(char) ?? char;
  return out;
}

/**
 * `found`, read in the simplified text, as the message wrote it: same positions, original
 * characters. Null stays null; a value not found verbatim is returned unchanged.
 */
export function asWritten(found: string | null, written: string): string | null {
  if (found === null) return null;
  const simplified = toSimplified(written);
  const index = simplified.indexOf(found);
  return index < 0 ? found : written.slice(index, index + found.length);
}
