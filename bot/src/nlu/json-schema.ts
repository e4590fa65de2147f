import { z } from "zod";
import { ParseResult } from "./schema.js";

type Json = { [key: string]: unknown };

/** The shapes of schema.ts as JSON Schema, written by zod (never by hand beside it). */
export function parseResultJsonSchema(): Json {
  const { $schema: _ignored, ...schema } = z.toJSONSchema(ParseResult) as Json;
  return schema;
}

/**
 * The same shapes for OpenAI's strict `json_schema` mode, which wants an object at the root, every
 * property required (an optional one becomes nullable) and anyOf rather than oneOf. The answer
 * comes wrapped as `{"result": …}`; `readReply` unwraps it.
 */
export function strictResponseFormat(): { type: "json_schema"; json_schema: { name: string; strict: true; schema: Json } } {
  return {
    type: "json_schema",
    json_schema: {
      name: "parse_result",
      strict: true,
      schema: { type: "object", properties: { result: strict(parseResultJsonSchema()) }, required: ["result"], additionalProperties: false },
    },
  };
}

function strict(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(strict);
  if (typeof node !== "object" || node === null) return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node as Json)) {
    if (key === "maximum" && value === Number.MAX_SAFE_INTEGER) continue;
    out[key === "oneOf" ? "anyOf" : key] = strict(value);
  }
  if (out.type === "object" && typeof out.properties === "object" && out.properties !== null) {
    const properties = out.properties as Json;
    const required = new Set((out.required as string[] | undefined) ?? []);
    for (const key of Object.keys(properties)) {
      if (!required.has(key)) properties[key] = { anyOf: [properties[key], { type: "null" }] };
    }
    out.required = Object.keys(properties);
    out.additionalProperties = false;
  }
  return out;
}
