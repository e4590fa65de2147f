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

/** A port the OS says is free right now (for tests and benchmarks that run their own stack). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Free ports for a stack of its own (a test's or a benchmark's): spread them into startLocalStack's options. */
export async function freeStackPorts(): Promise<{ gatewayPort: number; postgresPort: number; postgrestPort: number }> {
  return { gatewayPort: await freePort(), postgresPort: await freePort(), postgrestPort: await freePort() };
}
