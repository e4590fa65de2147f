import { z } from "zod";
import { calendarDate, moneyAmount, requiredText, uuid } from "./amounts.ts";

/** Inputs of the pricing and approval RPCs (price_buildup, request_discount, decide_approval, …). */

export const APPROVER_ROLES = ["sales_manager", "marketing_director", "vp", "gm"] as const;
export const approverRole = z.enum(APPROVER_ROLES, { error: "审批角色只能是销售经理、营销部长、主管副总或总经理" });

export const SUBJECT_TYPE_LABELS = {
  discount: "特殊优惠",
  unit_change: "换房",
  cancellation: "退房",
  contract: "合同",
} as const;

export const APPROVAL_STATUS_LABELS = {
  pending: "审批中",
  approved: "已通过",
  rejected: "已驳回",
  cancelled: "已撤回",
  lapsed: "已过期",
  used: "已使用",
} as const;

/** 优惠政策 (admin form; written to the policies table). */
export const policyInput = z
  .object({
    project_id: uuid("项目"),
    name: requiredText("政策名称", 50),
    kind: z.enum(["factor", "amount"], { error: "请选择折扣或立减" }),
    value: z.union([z.string(), z.number()]).transform((v) => String(v).trim()),
    stackable: z.boolean().default(false),
    active: z.boolean().default(true),
    sort: z.number().int().default(0),
    note: z.string().trim().max(200).optional(),
  })
  .superRefine((p, ctx) => {
    const ok =
      p.kind === "factor"
        ? /^(0(\.\d{1,4})?|1(\.0{1,4})?)$/.test(p.value) && /[1-9]/.test(p.value)
        : /^\d{1,12}(\.\d{1,2})?$/.test(p.value) && /[1-9]/.test(p.value);
    if (!ok) {
      ctx.addIssue({
        code: "custom",
        path: ["value"],
        message: p.kind === "factor" ? "折扣系数须在0到1之间，如 0.98 表示98折" : "立减金额须大于零，最多两位小数",
      });
    }
  });

/** 审批权限矩阵: depths strictly ascending, only the last open-ended, chains non-empty. */
export const setApprovalMatrixInput = z.object({
  p_project_id: uuid("项目"),
  p_rules: z
    .array(
      z.object({
        max_depth_pct: z.union([z.number().positive().max(100), z.null()], { error: "幅度上限须在0到100之间，或留空表示不限" }),
        chain: z.array(approverRole).min(1, { error: "审批链不能为空" })
          .refine((c) => new Set(c).size === c.length, { error: "审批链有重复角色" }),
      }),
    )
    .min(1, { error: "至少需要一条规则" })
    .superRefine((rules, ctx) => {
      rules.forEach((r, i) => {
        if (r.max_depth_pct === null && i < rules.length - 1) {
          ctx.addIssue({ code: "custom", path: [i, "max_depth_pct"], message: "只有最后一条规则可以不设上限" });
        }
        const prev = rules[i - 1]?.max_depth_pct;
        if (i > 0 && r.max_depth_pct !== null && prev != null && r.max_depth_pct <= prev) {
          ctx.addIssue({ code: "custom", path: [i, "max_depth_pct"], message: "幅度必须从小到大递增" });
        }
      });
    }),
});

export const priceBuildupInput = z.object({
  p_unit_id: uuid("房源"),
  p_policy_ids: z.array(uuid("优惠政策")).default([]),
  p_requested_price: moneyAmount("申请价格").nullable().optional(),
});

export const requestDiscountInput = z.object({
  p_unit_id: uuid("房源"),
  p_customer_id: uuid("客户"),
  p_policy_ids: z.array(uuid("优惠政策")).default([]),
  p_requested_price: moneyAmount("申请价格"),
  p_reason: requiredText("申请理由"),
});

export const decideApprovalInput = z
  .object({
    p_step_id: uuid("审批步骤"),
    p_decision: z.enum(["approve", "reject"], { error: "请选择同意或驳回" }),
    p_comment: z.string().trim().max(500, { error: "意见不能超过500个字" }).optional(),
  })
  .refine((d) => d.p_decision === "approve" || (d.p_comment ?? "").length > 0, {
    path: ["p_comment"],
    error: "驳回时请填写原因",
  });

export const cancelDiscountRequestInput = z.object({
  p_request_id: uuid("优惠申请"),
  p_reason: z.string().trim().max(500).optional(),
});

export const delegateApprovalsInput = z
  .object({
    p_delegate_id: uuid("被授权人"),
    p_valid_from: z.iso.datetime({ offset: true, error: "开始时间格式不正确" }),
    p_valid_to: z.iso.datetime({ offset: true, error: "结束时间格式不正确" }),
    p_project_id: uuid("项目").nullable().optional(),
    p_note: z.string().trim().max(200).optional(),
  })
  .refine((d) => Date.parse(d.p_valid_to) > Date.parse(d.p_valid_from), { path: ["p_valid_to"], error: "结束时间须晚于开始时间" });

export const revokeDelegationInput = z.object({ p_delegation_id: uuid("授权") });

/** For report filters: a day range. */
export const dayRange = z.object({ from: calendarDate("开始日期"), to: calendarDate("结束日期") });

export type RequestDiscountInput = z.infer<typeof requestDiscountInput>;
export type DecideApprovalInput = z.infer<typeof decideApprovalInput>;
export type SetApprovalMatrixInput = z.infer<typeof setApprovalMatrixInput>;
