export {};

/**
 * `npm run bench [-- name …]`: each benchmark prints one JSON line. Those that need a database
 * start their own private stack, so they never touch .data/ or a running `npm start`.
 */
const BENCHES: Record<string, () => Promise<{ bench: () => Promise<Record<string, unknown>> }>> = {
  stack_start: () => import("./stack_start.ts"),
  rest_roundtrip: () => import("./rest_roundtrip.ts"),
  bot_parse: () => import("./bot_parse.ts"),
  bot_reply: () => import("./bot_reply.ts"),
  bot_session: () => import("./bot_session.ts"),
  customer_search: () => import("./customer_search.ts"),
  opening_day: () => import("./opening_day.ts"),
  opening_day_peak: () => import("./opening_day_peak.ts"),
  admin_bundle: () => import("./admin_bundle.ts"),
  sales_board_render: () => import("./sales_board_render.ts"),
  monthly_report: () => import("./monthly_report.ts"),
  hosted_push: () => import("./hosted_push.ts"),
  soak: () => import("./soak.ts"),
};

const wanted = process.argv.slice(2).filter((a) => !a.startsWith("-"));
const unknown = wanted.filter((name) => !(name in BENCHES));
if (unknown.length) {
  console.error(`未知的基准 unknown benchmark: ${unknown.join(", ")}. Known: ${Object.keys(BENCHES).join(", ")}`);
  process.exit(2);
}
let failed = false;
for (const name of wanted.length ? wanted : Object.keys(BENCHES)) {
  try {
    const { bench } = await BENCHES[name]();
    console.log(JSON.stringify(await bench()));
  } catch (error) {
    failed = true;
    console.log(JSON.stringify({ bench: name, error: String((error as Error).message ?? error) }));
  }
}
process.exit(failed ? 1 : 0);
