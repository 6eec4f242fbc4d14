import { defineConfig } from 'drizzle-kit';

const url = process.env.DATABASE_URL;
const dataDir = process.env.DATA_DIR ?? './data';

export default defineConfig({
	schema: './src/lib/server/db/schema/index.ts',
	out: './drizzle',
	dialect: 'postgresql',
	...(url
		? { dbCredentials: { url } }
		: { driver: 'pglite', dbCredentials: { url: `${dataDir}/pglite` } }),
	strict: true,
	verbose: true
});
