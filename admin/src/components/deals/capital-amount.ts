import Decimal from "decimal.js";

const DIGITS = "零壹贰叁肆伍陆柒捌玖";
const IN_GROUP = ["仟", "佰", "拾", ""];
const GROUPS = ["亿", "万", ""];

/**
 * 大写金额 as written on receipts and contracts (人民币大写, 支付结算办法): 2856000 →
 * 贰佰捌拾伍万陆仟元整; 16409.02 → 壹万陆仟肆佰零玖元零贰分; 1004.5 → 壹仟零肆元伍角整.
 * Runs of zeros inside the number are one 零; 整 follows 元 or 角, never 分. Up to 9999亿
 * (numeric(14,2)). The amount is rounded half-up to the fen first.
 */
export function capitalAmount(value: Decimal.Value): string {
  const amount = new Decimal(value).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  if (amount.abs().gte("1000000000000")) throw new RangeError("金额超出大写范围（最大 9999亿）");
  const [intPart, fracPart] = amount.abs().toFixed(2).split(".");
  const jiao = Number(fracPart[0]);
  const fen = Number(fracPart[1]);

  let integer = "";
  let pendingZero = false;
  const padded = intPart.padStart(12, "0");
  GROUPS.forEach((groupUnit, g) => {
    const group = padded.slice(g * 4, g * 4 + 4);
    for (let i = 0; i < 4; i++) {
      const digit = Number(group[i]);
      if (digit === 0) {
        if (integer) pendingZero = true;
        continue;
      }
      if (pendingZero) integer += "零";
      pendingZero = false;
      integer += DIGITS[digit] + IN_GROUP[i];
    }
    if (Number(group) > 0) integer += groupUnit;
  });

  let text: string;
  if (!integer) {
    text = jiao === 0 && fen === 0 ? "零元整" : (jiao ? `${DIGITS[jiao]}角` : "") + (fen ? `${DIGITS[fen]}分` : "整");
  } else {
    text = `${integer}元`;
    if (jiao === 0 && fen === 0) text += "整";
    else if (jiao === 0) text += `零${DIGITS[fen]}分`;
    else text += `${DIGITS[jiao]}角` + (fen ? `${DIGITS[fen]}分` : "整");
  }
  return amount.isNeg() && !amount.isZero() ? `负${text}` : text;
}
