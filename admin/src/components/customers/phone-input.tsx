import { Input, type InputProps } from "antd";
import { normalizeMobile } from "@so/shared/phone";

/**
 * A mobile number as people type it ("+86 138-1234-5678"); on leaving the field it shows the
 * normalised 11 digits when the input is one.
 */
export function PhoneInput({ value, onChange, ...rest }: Omit<InputProps, "value" | "onChange"> & { value?: string; onChange?: (value: string) => void }) {
  return (
    <Input
      {...rest}
      value={value}
      inputMode="tel"
      maxLength={20}
      onChange={(e) => onChange?.(e.target.value)}
      onBlur={() => {
        const normalised = value ? normalizeMobile(value) : null;
        if (normalised && normalised !== value) onChange?.(normalised);
      }}
    />
  );
}
