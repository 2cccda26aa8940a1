import { requestLocale, withActor } from '@/server/http/respond';
import { exportReviewPdf } from '@/server/review';

type Params = { params: Promise<{ id: string }> };

// pdfkit reads its font metrics from node_modules at run time; it is listed in serverExternalPackages.
export const runtime = 'nodejs';

/** The review as an A4 PDF: ?format=pdf (the only format). */
export const GET = withActor(async (ctx, request, { params }: Params) => {
  const { id } = await params;
  const format = new URL(request.url).searchParams.get('format') ?? 'pdf';
  const { pdf, filename } = await exportReviewPdf({ ctx, input: { incidentId: id, format, locale: await requestLocale() } });
  return new Response(new Uint8Array(pdf), {
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="${filename}"`,
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
    },
  });
});
