import { ErrorComponent } from "@refinedev/antd";

/** Any other URL inside the admin: refine's 404 page, in the UI language. */
export default function NotFoundPage() {
  return <ErrorComponent />;
}
