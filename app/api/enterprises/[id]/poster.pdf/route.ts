import { getEnv } from '@/server/kernel/config/env';
import { requestLocale, withActor } from '@/server/http/respond';
import { exportPoster } from '@/server/one-map/poster-export';

type Params = { params: Promise<{ id: string }> };

// pdfkit reads its font metrics from node_modules at run time; it is listed in serverExternalPackages.
export const runtime = 'nodejs';

/** The address the caller used (Next's request.url may name localhost); PUBLIC_BASE_URL is preferred. */
function requestOrigin(request: Request): string {
  const url = new URL(request.url);
  const first = (name: string) => request.headers.get(name)?.split(',')[0]?.trim();
  const host = first('x-forwarded-host') ?? first('host') ?? url.host;
  const protocol = first('x-forwarded-proto') ?? url.protocol.replace(':', '');
  return `${protocol}://${host}`;
}

/** The A3 wall poster of the published one-map; its QR code points at the live map. */
export const GET = withActor(async (ctx, request, { params }: Params) => {
  const { id } = await params;
  const baseUrl = getEnv().PUBLIC_BASE_URL || requestOrigin(request);
  const { pdf, version } = await exportPoster({ ctx, input: { enterpriseId: id, baseUrl, locale: await requestLocale() } });
  return new Response(new Uint8Array(pdf), {
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': `inline; filename="one-map-poster-v${version}.pdf"`,
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
    },
  });
});
