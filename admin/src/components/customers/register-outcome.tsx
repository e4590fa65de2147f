import { useGo } from "@refinedev/core";
import { Button, Result } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { RegisterResult } from "./types.ts";

const STATUS = { new: "success", already_yours: "info", collision: "warning", claimed_from_pool: "success" } as const;

/**
 * What register_customer decided, said plainly: 新客户 / 已是您的客户 / 撞单 (with the owner's
 * name) / 从公客池领取, with the next step.
 */
export function RegisterOutcome({ result, name, extra, onAgain }: { result: RegisterResult; name: string; extra?: ReactNode; onAgain?: () => void }) {
  const { t } = useTranslation();
  const go = useGo();
  const collision = result.outcome === "collision";
  return (
    <Result
      status={STATUS[result.outcome]}
      title={<span data-testid="register-outcome">{t(`customers.outcomes.${result.outcome}.title`, { name, owner: result.owner_name ?? "" })}</span>}
      subTitle={
        <>
          {t(`customers.outcomes.${result.outcome}.description`, { name, owner: result.owner_name ?? "" })}
          {extra && <div style={{ marginTop: 8 }}>{extra}</div>}
        </>
      }
      extra={[
        collision ? (
          <Button key="collisions" onClick={() => go({ to: "/customer_collisions" })}>
            {t("customers.actions.viewCollisions")}
          </Button>
        ) : (
          <Button key="show" type="primary" onClick={() => go({ to: `/customers/show/${result.customer_id}` })}>
            {t("customers.actions.viewCustomer")}
          </Button>
        ),
        onAgain && (
          <Button key="again" onClick={onAgain}>
            {t("customers.actions.registerAnother")}
          </Button>
        ),
      ]}
    />
  );
}
