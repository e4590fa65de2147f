import http from "node:http";
import type { AddressInfo } from "node:net";
import { SignJWT } from "jose";
import { afterEach, describe, expect, it } from "vitest";
import { createAdmission } from "../local/admission.ts";
import { createGateway } from "../local/gateway.ts";

/*
  The gateway's upstream limit against a stand-in PostgREST that answers only when told to:
  how many requests reach it at once, in which order, and that a place is always given back.
*/

const SECRET = "admission-test-secret-at-least-32-characters";
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

const listen = (server: http.Server) =>
  new Promise<number>((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)));
const close = (server: http.Server) => () =>
  new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });

/** A stand-in PostgREST that holds every request until `release` answers it. */
async function heldUpstream() {
  const held: { path: string; answer: () => void }[] = [];
  const seen: string[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const server = http.createServer((req, res) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    seen.push(req.url!);
    req.resume();
    req.on("end", () =>
      held.push({
        path: req.url!,
        answer: () => {
          inFlight--;
          res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ path: req.url }));
        },
      }),
    );
  });
  const port = await listen(server);
  closers.push(close(server));
  return { url: `http://127.0.0.1:${port}`, held, seen, maxInFlight: () => maxInFlight };
}

async function gatewayTo(postgrestUrl: string, upstreamLimit: number) {
  const anon = await new SignJWT({ role: "anon" }).setProtectedHeader({ alg: "HS256" }).sign(new TextEncoder().encode(SECRET));
  const gateway = createGateway({ postgrestUrl, jwtSecret: SECRET, auth: async () => {}, upstreamLimit });
  const port = await listen(gateway);
  closers.push(close(gateway));
  const agent = new http.Agent({ keepAlive: false });
  const send = (path: string, method = "POST") => {
    const req = http.request(`http://127.0.0.1:${port}/rest/v1${path}`, { method, agent, headers: { apikey: anon, "content-type": "application/json" } });
    const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
      req.on("response", (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode!, body: Buffer.concat(chunks).toString() }));
      });
      req.on("error", reject);
    });
    req.end(method === "POST" ? "{}" : undefined);
    return { req, answer };
  };
  return { send };
}

describe("gateway upstream limit", () => {
  it("lets at most the limit through to PostgREST; the rest wait their turn", async () => {
    const upstream = await heldUpstream();
    const { send } = await gatewayTo(upstream.url, 2);
    const calls = Array.from({ length: 6 }, (_, i) => send(`/rpc/hold_unit?n=${i}`));
    await expect.poll(() => upstream.held.length).toBe(2);
    for (let answered = 0; answered < 6; answered++) {
      await expect.poll(() => upstream.held.length).toBeGreaterThan(0);
      upstream.held.shift()!.answer();
    }
    const answers = await Promise.all(calls.map((c) => c.answer));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(new Set(upstream.seen).size).toBe(6);
    expect(upstream.maxInFlight()).toBe(2);
  });

  it("admits in arrival order and skips those who left the queue", () => {
    const admission = createAdmission(2);
    const went: number[] = [];
    const leave = [0, 1, 2, 3, 4].map((i) => admission.enter(() => went.push(i)));
    expect(went).toEqual([0, 1]);
    expect([admission.inFlight, admission.waiting]).toEqual([2, 3]);
    leave[2](); // gave up while waiting
    leave[1]();
    leave[1](); // twice: still only one place back
    expect(went).toEqual([0, 1, 3]);
    leave[0]();
    expect(went).toEqual([0, 1, 3, 4]);
    leave[3]();
    leave[4]();
    expect([admission.inFlight, admission.waiting]).toEqual([0, 0]);
  });

  it("gives a place back when a client leaves mid-call and when the upstream fails", async () => {
    const upstream = await heldUpstream();
    const { send } = await gatewayTo(upstream.url, 1);
    const first = send("/rpc/a");
    await expect.poll(() => upstream.held.length).toBe(1);
    const second = send("/rpc/b");
    // The first client hangs up while its call is upstream: its place is free again.
    first.answer.catch(() => {});
    first.req.destroy();
    await expect.poll(() => upstream.seen).toEqual(["/rpc/a", "/rpc/b"]);
    await expect.poll(() => upstream.held.length).toBe(2);
    upstream.held.find((h) => h.path === "/rpc/b")!.answer();
    expect((await second.answer).status).toBe(200);

    // An upstream that is not there: 502, and the place is not lost.
    const { send: sendNowhere } = await gatewayTo("http://127.0.0.1:1", 1);
    expect((await sendNowhere("/rpc/x").answer).status).toBe(502);
    expect((await sendNowhere("/rpc/y").answer).status).toBe(502);
  });
});

describe("gateway upstream connections", () => {
  it("sends writes on kept connections, and never on one the upstream has closed", async () => {
    const opened: import("node:net").Socket[] = [];
    const upstream = http.createServer((req, res) => {
      req.resume();
      req.on("end", () => res.writeHead(200, { "content-type": "application/json" }).end("{}"));
    });
    upstream.on("connection", (socket) => opened.push(socket));
    const port = await listen(upstream);
    closers.push(close(upstream));
    const { send } = await gatewayTo(`http://127.0.0.1:${port}`, 2);

    expect((await send("/rpc/hold_unit").answer).status).toBe(200);
    expect((await send("/rpc/create_subscription").answer).status).toBe(200);
    expect(opened).toHaveLength(1);

    // PostgREST closes a connection that sat idle (or restarts): the next write goes out on a new one.
    upstream.closeIdleConnections();
    await expect.poll(() => opened[0].closed).toBe(true);
    const after = await send("/rpc/record_payment").answer;
    expect(after.status).toBe(200);
    expect(opened).toHaveLength(2);
  });
});
