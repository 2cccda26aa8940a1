// All tables as SQLite defines them, split by area. drizzle-kit reads this file (drizzle.config.ts);
// db/pg/schema.ts derives the PostgreSQL twins from it. Domain code imports db/schema.ts instead.
export * from './schema-core';
export * from './schema-one-map';
export * from './schema-delivery';
export * from './schema-incident-updates';
export * from './schema-intake';
export * from './schema-field-reports';
export * from './schema-materials';
export * from './schema-statutory-reports';
