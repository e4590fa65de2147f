import { unstableSetRender } from "antd";
import { createRoot, type Root } from "react-dom/client";

/**
 * antd 5 renders a few things (button wave, static pop-ups) into their own containers with
 * React 18's API; React 19 needs createRoot. This is antd's documented hook for React 19
 * (https://u.ant.design/v5-for-19), without the extra patch package.
 */
const roots = new WeakMap<Element | DocumentFragment, Root>();

unstableSetRender((node, container) => {
  let root = roots.get(container);
  if (!root) {
    root = createRoot(container);
    roots.set(container, root);
  }
  root.render(node);
  return async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    root.unmount();
    roots.delete(container);
  };
});
