import { requestLocale, withActor } from '@/server/http/respond';
import { exportStatutoryReport } from '@/server/statutory-reports/export';

type Params = { params: Promise<{ id: string; reportId: string; version: string }> };

// pdfkit reads its font metrics from node_modules at run time; it is listed in serverExternalPackages.
export const runtime = 'nodejs';

/** One version of a statutory report as ?format=pdf or ?format=docx, as a download with its Chinese name. */
export const GET = withActor(async (ctx, request, { params }: Params) => {
  const { id, reportId, version } = await params;
  const format = new URL(request.url).searchParams.get('format');
  const exported = await exportStatutoryReport({
    ctx,
    input: { incidentId: id, reportId, version, format, locale: await requestLocale() },
  });
  return new Response(new Uint8Array(exported.bytes), {
    headers: {
      'content-type': exported.contentType,
      'content-disposition': exported.contentDisposition,
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
    },
  });
});
