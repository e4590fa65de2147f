import { StrictMode, Suspense } from "react";
import { createRoot } from "react-dom/client";
import "./antd-react19.ts";
import "./i18n/index.ts";
import App from "./App.tsx";
import { preloadStartup } from "./routing/preload.ts";

preloadStartup(window.location.pathname);

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    {/* Only while a remembered non-default language's labels load (react-i18next suspends). */}
    <Suspense fallback={null}>
      <App />
    </Suspense>
  </StrictMode>,
);
