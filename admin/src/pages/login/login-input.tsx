import { EyeInvisibleOutlined, EyeOutlined } from "@ant-design/icons";
import { useState, type InputHTMLAttributes, type ReactNode } from "react";
import "./login-input.css";

interface Props extends Omit<InputHTMLAttributes<HTMLInputElement>, "prefix"> {
  prefix: ReactNode;
  invalid?: boolean;
}

/**
 * A plain input with antd's large look (login-input.css): the sign-in page is in the entry chunk
 * every visitor loads, and antd's Input brings rc-input and its style code (over 10 KB gzip).
 */
export function LoginInput({ prefix, invalid, type, ...input }: Props) {
  const [visible, setVisible] = useState(false);
  const password = type === "password";
  return (
    <span className={invalid ? "so-login-input so-login-input--error" : "so-login-input"}>
      {prefix}
      <input {...input} type={password && visible ? "text" : type} aria-invalid={invalid || undefined} />
      {password && (
        // Like antd's Password: the eye is not a tab stop; the field keeps the focus.
        <button type="button" tabIndex={-1} className="so-login-input-eye" onMouseDown={(e) => e.preventDefault()} onClick={() => setVisible((v) => !v)}>
          {visible ? <EyeOutlined /> : <EyeInvisibleOutlined />}
        </button>
      )}
    </span>
  );
}
