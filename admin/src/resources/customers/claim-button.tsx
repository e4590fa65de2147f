import { App, Button, Popconfirm } from "antd";
import { useTranslation } from "react-i18next";
import { useRpc } from "../../hooks/use-rpc.ts";

/** 认领: takes a customer from the public pool (claim_customer); consultants only. */
export function ClaimButton({ customerId, name, size = "small" }: { customerId: string; name: string; size?: "small" | "middle" }) {
  const { t } = useTranslation();
  const claim = useRpc("claim_customer");
  const { message: toast } = App.useApp();
  return (
    <>
      <Popconfirm
        title={t("customers.claim.confirm", { name })}
        okText={t("customers.actions.claim")}
        onConfirm={() =>
          claim.call({ p_customer_id: customerId }).then(
            () => toast.success(t("customers.claim.done", { name })),
            (error: { message: string }) => toast.error(error.message),
          )
        }
      >
        <Button type="primary" ghost size={size} loading={claim.pending} data-testid={`claim-${customerId}`}>
          {t("customers.actions.claim")}
        </Button>
      </Popconfirm>
    </>
  );
}
