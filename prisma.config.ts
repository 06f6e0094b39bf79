import { defineConfig } from 'prisma/config';

// Prisma's CLI reads this file. Qualflow applies migrations itself (engine/db/migrate.ts,
// with Prisma's WebAssembly schema engine), so the URL here only matters where the
// native engine is available and someone runs `prisma migrate deploy` by hand.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'file:./.data/qualflow.db' },
});
