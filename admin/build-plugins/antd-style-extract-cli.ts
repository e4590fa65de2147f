import fs from "node:fs";
import { extractAntdStyles } from "./antd-style-extract.ts";

// Reads { theme, moduleIds } as JSON on stdin, writes the CSS to stdout (see antd-static-styles.ts).
const { theme, moduleIds } = JSON.parse(fs.readFileSync(0, "utf8"));
process.stdout.write(extractAntdStyles(theme, moduleIds));
