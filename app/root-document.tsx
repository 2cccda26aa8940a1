import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getMessages } from 'next-intl/server';
import type { ReactNode } from 'react';
import { DisplacedNotice } from '@/components/realtime/displaced-notice';
import 'leaflet/dist/leaflet.css';
import './globals.css';

type Catalogs = Awaited<ReturnType<typeof getMessages>>;

/**
 * The <html> of both root layouts. Client components read their texts from the provider, and
 * the provider's messages travel inline in every page's HTML: all catalogs were ≈ 59 KB of the
 * phone page's 63 KB (bench/field-page.ts). A layout therefore passes only the namespaces its
 * client components use (`namespaces`; every one when omitted).
 */
export async function RootDocument({ children, namespaces }: { children: ReactNode; namespaces?: readonly string[] }) {
  const locale = await getLocale();
  const messages = await getMessages();
  return (
    <html lang={locale}>
      <body>
        <NextIntlClientProvider messages={namespaces ? pickNamespaces(messages, namespaces) : messages}>
          <DisplacedNotice />
          {children}
        </NextIntlClientProvider>
      </body>
    </html>
  );
}

/** `namespaces` of the catalog; a dotted name ("channels.push") takes just that part of its namespace. */
export function pickNamespaces(messages: Catalogs, namespaces: readonly string[]): Catalogs {
  const picked: Record<string, unknown> = {};
  for (const name of namespaces) {
    const [namespace, ...path] = name.split('.');
    let value: unknown = (messages as Record<string, unknown>)[namespace!];
    for (const key of path) value = (value as Record<string, unknown> | undefined)?.[key];
    if (value === undefined) throw new Error(`no message namespace "${name}"`);
    const keys = [namespace!, ...path];
    let target = picked;
    for (const key of keys.slice(0, -1)) target = (target[key] ??= {}) as Record<string, unknown>;
    target[keys.at(-1)!] = value;
  }
  return picked as Catalogs;
}
