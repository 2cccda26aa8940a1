import { readFieldPhotoFile } from '@/server/field-reports';
import { withActor } from '@/server/http/respond';

type Params = { params: Promise<{ id: string }> };

/** A field photo (JPEG, no EXIF): command roles of its jurisdiction and the incident's assignees only. */
export const GET = withActor(async (ctx, _request, { params }: Params) => {
  const { id } = await params;
  const bytes = await readFieldPhotoFile({ ctx, input: { photoId: id } });
  // Ids are generated per photo and never reused: cacheable, privately, as it is access-checked.
  return new Response(new Uint8Array(bytes), {
    headers: { 'content-type': 'image/jpeg', 'cache-control': 'private, max-age=31536000, immutable', 'x-content-type-options': 'nosniff' },
  });
});
