import { defineConfig } from 'prisma/config';

// DATABASE_URL (Prisma's file: form) chooses the SQLite database for every command.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations', seed: 'tsx prisma/seed.ts' },
  datasource: { url: process.env.DATABASE_URL ?? 'file:./data/dev.db' },
});
