import { defineConfig } from 'drizzle-kit';

// Generates the SQL migrations from the one schema; both engines run the same files.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/server/db/schema.ts',
  out: './migrations',
});
