import pg from "pg";

/** One statement on a connection of its own, for a stack the test started itself (sql() is the shared test stack's). */
export async function query<T extends pg.QueryResultRow = pg.QueryResultRow>(dbUrl: string, text: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end();
  }
}
