import { inject } from 'vitest';

// Runs in each worker of a "*-pg" project before a test file is imported: db/schema.ts picks the
// PostgreSQL tables from DATABASE_URL when it is first imported.
const { serverUrl, templateUrl } = inject('postgres');
process.env.DATABASE_URL = templateUrl;
process.env.TEST_POSTGRES_SERVER_URL = serverUrl;
