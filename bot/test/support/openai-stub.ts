import http from "node:http";
import type { AddressInfo } from "node:net";

/** What the stub does with the next chat completion requests. */
export type StubBehaviour =
  /** A completion whose message content is this value as JSON. */
  | { json: unknown }
  /** A completion whose message content is this text as it is. */
  | { text: string }
  /** An error response in OpenAI's shape. */
  | { status: number; message?: string }
  /** No response at all, until the client gives up or the stub closes. */
  | { hang: true };

export interface ChatRequest {
  body: Record<string, any>;
  headers: http.IncomingHttpHeaders;
}

export interface OpenAiStub {
  /** The base URL to give the SDK, ending in `/v1`. */
  readonly baseURL: string;
  /** Every chat completion request received, in order. */
  readonly requests: ChatRequest[];
  /** Sets what the following requests get (by default `{ json: { intent: "unknown" } }`). */
  respond(behaviour: StubBehaviour): void;
  close(): Promise<void>;
}

/** A real HTTP server on a free localhost port implementing `POST /v1/chat/completions`. */
export async function startOpenAiStub(): Promise<OpenAiStub> {
  const requests: ChatRequest[] = [];
  let behaviour: StubBehaviour = { json: { intent: "unknown" } };

  const server = http.createServer(async (req, res) => {
    const raw = await readBody(req);
    if (req.method !== "POST" || req.url !== "/v1/chat/completions") {
      return send(res, 404, { error: { message: `no route ${req.method} ${req.url}`, type: "invalid_request_error" } });
    }
    const body = JSON.parse(raw) as Record<string, any>;
    requests.push({ body, headers: req.headers });
    if ("hang" in behaviour) return;
    if ("status" in behaviour) {
      return send(res, behaviour.status, { error: { message: behaviour.message ?? "stub error", type: "server_error", code: null } });
    }
    const content = "json" in behaviour ? JSON.stringify(behaviour.json) : behaviour.text;
    send(res, 200, completion(requests.length, String(body.model), content));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    respond(next) {
      behaviour = next;
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

function completion(n: number, model: string, content: string) {
  return {
    id: `chatcmpl-stub-${n}`,
    object: "chat.completion",
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [{ index: 0, message: { role: "assistant", content, refusal: null }, logprobs: null, finish_reason: "stop" }],
    usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
  };
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
