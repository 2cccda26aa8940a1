import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The custom server in server/ serves Next, so `output: 'standalone'` is not used.
  serverExternalPackages: ['better-sqlite3', 'bcryptjs'],
  poweredByHeader: false,
  typescript: { tsconfigPath: './tsconfig.json' },
};

export default withNextIntl(nextConfig);
