import { channelSql } from "./channel.ts";
import { customersSql, seedCustomerId } from "./customers.ts";
import { inventoryHoldsSql, inventorySql } from "./inventory.ts";

/** Inventory, customers and channel demo data, in dependency order. */
export function salesSql(): string {
  return [inventorySql(), customersSql(), inventoryHoldsSql(seedCustomerId), channelSql()].join("\n");
}
