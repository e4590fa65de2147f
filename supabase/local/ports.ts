import fs from "node:fs";
import net from "node:net";
import { StackError } from "./errors.ts";

export function isPortFree(port: number, host = "127.0.0.1"): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

export async function assertPortsFree(ports: Record<string, number>): Promise<void> {
  for (const [what, port] of Object.entries(ports)) {
    if (!(await isPortFree(port))) {
      throw new StackError(
        `端口 ${port}（${what}）已被占用。是否已有一个 npm start 在运行？请先停止它，或释放该端口。\n` +
          `Port ${port} (${what}) is already in use. Is another "npm start" running? Stop it or free the port.`,
      );
    }
  }
}

/** Below this are the ports a machine's usual services take (Postgres 5432, Vite 5173, 8080 …). */
const LOWEST_TEST_PORT = 10_000;

// Ports handed out by this process: two stacks started side by side must not be given the same one.
const handedOut = new Set<number>();

/** The kernel's range for outgoing connections' source ports (Linux; the usual default elsewhere). */
function ephemeralRangeStart(): number {
  try {
    const [low] = fs.readFileSync("/proc/sys/net/ipv4/ip_local_port_range", "utf8").trim().split(/\s+/);
    const start = Number(low);
    // A range starting too low to leave test ports below it is ignored.
    if (Number.isInteger(start) && start > LOWEST_TEST_PORT + 1_000) return start;
  } catch {
    // not Linux
  }
  return 32_768;
}

/**
 * A port that is free right now, for tests and benchmarks that run their own stack. It is chosen below
 * the ephemeral range: a port from that range can be taken by any outgoing connection's source port
 * (PostgREST's pool, a test's client) in the seconds before the stack listens on it.
 */
export async function freePort(): Promise<number> {
  const low = LOWEST_TEST_PORT;
  const high = ephemeralRangeStart() - 1;
  for (let attempt = 0; attempt < 200; attempt++) {
    const port = low + Math.floor(Math.random() * (high - low + 1));
    if (handedOut.has(port) || !(await isPortFree(port))) continue;
    handedOut.add(port);
    return port;
  }
  throw new StackError(`找不到空闲端口 No free port between ${low} and ${high}`);
}

/** Free ports for a stack of its own (a test's or a benchmark's): spread them into startLocalStack's options. */
export async function freeStackPorts(): Promise<{ gatewayPort: number; postgresPort: number; postgrestPort: number }> {
  return { gatewayPort: await freePort(), postgresPort: await freePort(), postgrestPort: await freePort() };
}
