import type { PaymentMethod } from "@so/shared/schemas/deals";
import { Form, type FormInstance } from "antd";
import { useCurrentProject } from "../../session/current-project.tsx";
import { usePolicyOptions, usePricing } from "./pricing.ts";
import { useDealUnits } from "./unit-select.tsx";

interface DealChoice {
  unit?: string;
  customer?: string;
  policies?: string[];
  payment_method?: PaymentMethod;
}

/**
 * What a deal form prices: the project's units, policies and rules, the unit, customer, policies
 * and payment method chosen so far, and which policies that customer and method may take.
 */
export function useDealChoice<V extends DealChoice>(form: FormInstance<V>) {
  const { project } = useCurrentProject();
  const { policies, project: settings } = usePricing(project?.projectId);
  const units = useDealUnits(project?.projectId).result.data;
  const watched = form as unknown as FormInstance<DealChoice>;
  const unitId = Form.useWatch("unit", watched);
  const customerId = Form.useWatch("customer", watched);
  const policyIds = Form.useWatch("policies", watched) ?? [];
  const paymentMethod = Form.useWatch("payment_method", watched);
  const options = usePolicyOptions(paymentMethod, customerId);
  return { units, unit: units.find((u) => u.id === unitId), unitId, customerId, policyIds, paymentMethod, policies, options, settings };
}
