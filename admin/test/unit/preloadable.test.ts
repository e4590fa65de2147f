import { createElement, Suspense } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { preloadable } from "../../src/routing/preloadable.ts";

const Greeting = ({ name }: { name: string }) => createElement("p", null, `你好，${name}`);
const inSuspense = (node: ReturnType<typeof createElement>) => renderToString(createElement(Suspense, { fallback: createElement("i", null, "加载中") }, node));

describe("preloadable", () => {
  it("renders at once on its first render when its chunk was preloaded (a React.lazy would show the fallback)", async () => {
    const Page = preloadable(async () => ({ default: Greeting }));
    await Page.load();
    const html = inSuspense(createElement(Page, { name: "顾问" }));
    expect(html).toContain("你好，顾问");
    expect(html).not.toContain("加载中");
  });

  it("shows its own placeholder while its chunk is still loading, without suspending (React would hold the content back 300 ms after a Suspense fallback)", () => {
    const Page = preloadable(
      () => new Promise<{ default: typeof Greeting }>(() => undefined),
      ({ name }) => createElement("b", null, `正在为${name}准备`),
    );
    const html = inSuspense(createElement(Page, { name: "顾问" }));
    expect(html).toContain("正在为顾问准备");
    expect(html).not.toContain("加载中");
  });

  it("loads once however often it is asked, and asks again after a failed request", async () => {
    let requests = 0;
    const Page = preloadable(async () => {
      requests += 1;
      if (requests === 1) throw new Error("chunk request failed");
      return { default: Greeting };
    });
    await expect(Page.load()).rejects.toThrow("chunk request failed");
    await Promise.all([Page.load(), Page.load()]);
    await Page.load();
    expect(requests).toBe(2);
    expect(inSuspense(createElement(Page, { name: "经理" }))).toContain("你好，经理");
  });
});
