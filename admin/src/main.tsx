import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import "./antd-react19.ts";
import "./i18n/index.ts";
import App from "./App.tsx";

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
