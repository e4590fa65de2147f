import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository's `.env` (next to package.json), as `.env.example` tells people to create it. */
const REPO_ENV_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", ".env");

/**
 * Loads a `.env` file into process.env if it exists (Node's own parser, no dependency). Variables
 * already set in the environment win, so `FOO=… npm start` still overrides the file. Returns the
 * file loaded, or null.
 */
export function loadEnvFile(file = process.env.ENV_FILE || REPO_ENV_FILE): string | null {
  if (!fs.existsSync(file)) return null;
  process.loadEnvFile(file);
  return file;
}
