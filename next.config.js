import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The custom server in server/ serves Next; a standalone output bundle cannot be used with it.
  // pdfkit loads its font metric files from node_modules at run time, so it must not be bundled;
  // pg has an optional native binding that a bundler would try to resolve. pino and prom-client keep
  // process-wide state that the custom server shares with route handlers through globalThis.
  serverExternalPackages: ['better-sqlite3', 'bcryptjs', 'pdfkit', 'pg', 'pino', 'prom-client'],
  poweredByHeader: false,
  typescript: { tsconfigPath: './tsconfig.json' },
};

export default withNextIntl(nextConfig);
