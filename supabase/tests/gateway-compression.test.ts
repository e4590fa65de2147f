import http from "node:http";
import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { stack } from "./support/clients.ts";

// The gateway gzips large text answers for clients that accept it, as hosted Supabase's edge does:
// the 销控表 and long lists are hundreds of KB of JSON that every open browser fetches again and
// again (supabase/local/compression.ts).

interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A GET as it leaves the client, body bytes as they arrive (Node's fetch would decode them). */
function rawGet(path: string, acceptEncoding?: string): Promise<RawAnswer> {
  const headers: Record<string, string> = { apikey: stack().anonKey, authorization: `Bearer ${stack().serviceRoleKey}` };
  if (acceptEncoding) headers["accept-encoding"] = acceptEncoding;
  return new Promise((resolve, reject) => {
    http
      .get(`${stack().url}${path}`, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on("error", reject);
      })
      .on("error", reject);
  });
}

const ALL_UNITS = "/rest/v1/units?select=id,number,status,list_price&order=id";

describe("gateway compression", () => {
  it("gzips a large answer for a client that accepts gzip: same data, a fraction of the bytes", async () => {
    const plain = await rawGet(ALL_UNITS);
    const packed = await rawGet(ALL_UNITS, "gzip, deflate, br");
    expect(plain.status).toBe(200);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.length).toBeGreaterThan(10_000);

    expect(packed.status).toBe(200);
    expect(packed.headers["content-encoding"]).toBe("gzip");
    expect(packed.headers.vary).toMatch(/accept-encoding/i);
    expect(packed.headers["content-length"]).toBeUndefined();
    expect(JSON.parse(zlib.gunzipSync(packed.body).toString("utf8"))).toEqual(JSON.parse(plain.body.toString("utf8")));
    expect(packed.body.length).toBeLessThan(plain.body.length / 3);
  });

  it("sends small answers, and answers to clients that do not take gzip, as they are", async () => {
    const small = await rawGet("/rest/v1/projects?select=code&limit=1", "gzip");
    expect(small.status).toBe(200);
    expect(small.headers["content-encoding"]).toBeUndefined();
    expect(Number(small.headers["content-length"])).toBe(small.body.length);
    expect(JSON.parse(small.body.toString("utf8"))).toHaveLength(1);

    for (const refusing of ["identity", "gzip;q=0", "br"]) {
      const answer = await rawGet(ALL_UNITS, refusing);
      expect(answer.headers["content-encoding"], refusing).toBeUndefined();
      expect(Array.isArray(JSON.parse(answer.body.toString("utf8"))), refusing).toBe(true);
    }
  });
});
