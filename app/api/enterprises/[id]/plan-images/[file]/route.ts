import { withActor } from '@/server/http/respond';
import { readPlanImageFile } from '@/server/one-map';

type Params = { params: Promise<{ id: string; file: string }> };

export const GET = withActor(async (ctx, _request, { params }: Params) => {
  const { id, file } = await params;
  const bytes = await readPlanImageFile({ ctx, input: { enterpriseId: id, fileName: file } });
  // Names are generated per upload and never reused, so the file can be cached; privately, as it is access-checked.
  return new Response(new Uint8Array(bytes), {
    headers: { 'content-type': 'image/png', 'cache-control': 'private, max-age=31536000, immutable', 'x-content-type-options': 'nosniff' },
  });
});
