// All tables, split by area. drizzle-kit reads this file.
export * from './schema-core';
export * from './schema-one-map';
export * from './schema-delivery';
