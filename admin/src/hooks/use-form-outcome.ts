import type { FormInstance } from "antd";
import { useState } from "react";

/** The outcome of a form handed to a database call, and `again`: an empty form for the next one. */
export function useFormOutcome<T>(form: FormInstance, call: { reset: () => void }) {
  const [outcome, setOutcome] = useState<T | null>(null);
  const again = () => {
    form.resetFields();
    call.reset();
    setOutcome(null);
  };
  return { outcome, setOutcome, again };
}
