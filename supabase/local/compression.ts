import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { pipeline } from "node:stream";
import zlib from "node:zlib";

/** Answers smaller than this go out as they are: gzipping them costs more than it saves. */
const COMPRESS_FROM_BYTES = 2048;

/** The client takes gzip (and has not refused it with q=0). */
const acceptsGzip = (req: IncomingMessage) => /\bgzip\b(?!\s*;\s*q=0(\.0*)?\b)/i.test(req.headers["accept-encoding"] ?? "");

/** A text body (JSON, CSV) not already encoded, of a request that has one. */
function compressible(req: IncomingMessage, answer: IncomingMessage): boolean {
  if (req.method === "HEAD" || answer.statusCode === 204 || answer.statusCode === 304) return false;
  return !answer.headers["content-encoding"] && /json|csv|text\//.test(answer.headers["content-type"] ?? "");
}

/**
 * Relays an upstream answer, gzipped when it is large and the client accepts gzip, as hosted
 * Supabase's edge does: the 销控表 of a thousand units is ~560 KB of JSON (~40 KB gzipped), which
 * every open board fetches again every 10 s — on an office's Wi-Fi that is what costs. PostgREST
 * streams its answers without a length, so the first COMPRESS_FROM_BYTES are held until the size is
 * known: a smaller answer goes out as it is, with its length.
 */
export function relayAnswer(req: IncomingMessage, res: ServerResponse, answer: IncomingMessage, headers: OutgoingHttpHeaders): void {
  const status = answer.statusCode ?? 502;
  if (!acceptsGzip(req) || !compressible(req, answer)) {
    res.writeHead(status, headers);
    answer.pipe(res);
    return;
  }
  const held: Buffer[] = [];
  let size = 0;
  const stopHolding = () => {
    answer.off("data", hold);
    answer.off("end", sendAsItIs);
    answer.off("error", fail);
  };
  const fail = () => res.destroy();
  const sendAsItIs = () => {
    stopHolding();
    const body = Buffer.concat(held);
    const { "transfer-encoding": _chunked, ...rest } = headers;
    res.writeHead(status, { ...rest, "content-length": body.length }).end(body);
  };
  function hold(chunk: Buffer) {
    held.push(chunk);
    size += chunk.length;
    if (size < COMPRESS_FROM_BYTES) return;
    stopHolding();
    const { "content-length": _length, ...rest } = headers;
    const vary = [rest.vary, "Accept-Encoding"].filter(Boolean).join(", ");
    res.writeHead(status, { ...rest, "content-encoding": "gzip", vary });
    // Level 1: most of the saving (JSON repeats its keys) for the least CPU.
    const gzip = zlib.createGzip({ level: 1 });
    for (const part of held) gzip.write(part);
    pipeline(answer, gzip, res, (error) => error && res.destroy());
  }
  answer.on("data", hold);
  answer.once("end", sendAsItIs);
  answer.once("error", fail);
}
