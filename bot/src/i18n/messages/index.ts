import { approvalsEn, approvalsZh } from "./approvals.ts";
import { customersEn, customersZh } from "./customers.ts";
import { deadlineEn, deadlineZh } from "./deadline.ts";
import { dialogEn, dialogZh } from "./dialog.ts";
import { discountEn, discountZh } from "./discount.ts";
import { followUpEn, followUpZh } from "./follow-up.ts";
import { labelsEn, labelsZh } from "./labels.ts";
import { notifyEn, notifyZh } from "./notify.ts";
import { outingEn, outingZh } from "./outing.ts";
import { registerEn, registerZh } from "./register.ts";
import { reportsEn, reportsZh } from "./reports.ts";
import { requestsEn, requestsZh } from "./requests.ts";
import { rolesEn, rolesZh } from "./roles.ts";
import { projectsEn, projectsZh } from "./projects.ts";
import { surveyEn, surveyZh } from "./survey.ts";
import { targetsEn, targetsZh } from "./targets.ts";
import { todayEn, todayZh } from "./today.ts";
import { unitsEn, unitsZh } from "./units.ts";

/** The features' messages, one file per area (zh-CN first, English typed against it). */
export const featureMessagesZh = {
  ...labelsZh,
  ...dialogZh,
  ...customersZh,
  ...registerZh,
  ...unitsZh,
  ...followUpZh,
  ...discountZh,
  ...approvalsZh,
  ...todayZh,
  ...reportsZh,
  ...notifyZh,
  ...deadlineZh,
  ...requestsZh,
  ...rolesZh,
  ...targetsZh,
  ...projectsZh,
  ...surveyZh,
  ...outingZh,
};

export const featureMessagesEn: typeof featureMessagesZh = {
  ...labelsEn,
  ...dialogEn,
  ...customersEn,
  ...registerEn,
  ...unitsEn,
  ...followUpEn,
  ...discountEn,
  ...approvalsEn,
  ...todayEn,
  ...reportsEn,
  ...notifyEn,
  ...deadlineEn,
  ...requestsEn,
  ...rolesEn,
  ...targetsEn,
  ...projectsEn,
  ...surveyEn,
  ...outingEn,
};
