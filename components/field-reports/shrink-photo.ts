// The phone's side of a field photo: shrink it before upload, and keep the original's EXIF block.
//
// Why the EXIF block travels separately: drawing on a canvas (the only way a browser can shrink a
// JPEG) drops every EXIF field, including when and where the photo was taken. Parsing EXIF here
// would mean a second parser in the browser; instead the phone cuts the original's APP1 segment
// out unchanged (a few KB) and sends it beside the shrunk copy. The server reads the capture time
// and GPS from it with the same exif-reader code it uses on whole files, and keeps nothing else.
// The pixels are drawn upright (createImageBitmap applies the EXIF orientation), so the server
// never applies the orientation again to the shrunk copy, which has none.

export const PHONE_MAX_EDGE = 2048;
const JPEG_QUALITY = 0.8;
// A photo already this small is sent as it is, EXIF included (the server strips it).
const SEND_AS_IS_BYTES = 600 * 1024;

export type PreparedPhoto = { blob: Blob; exif: Blob | null };

export async function preparePhoto(file: File): Promise<PreparedPhoto> {
  const exif = await readExifBlock(file);
  if (file.size <= SEND_AS_IS_BYTES && file.type === 'image/jpeg') return { blob: file, exif: null };
  try {
    const bitmap = await createImageBitmap(file);
    const scale = Math.min(1, PHONE_MAX_EDGE / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(bitmap.width * scale));
    canvas.height = Math.max(1, Math.round(bitmap.height * scale));
    canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', JPEG_QUALITY));
    if (!blob) return { blob: file, exif: null };
    return { blob, exif };
  } catch {
    // A format the browser cannot draw (e.g. HEIC on some phones): send the original, the server decides.
    return { blob: file, exif: null };
  }
}

/** The original JPEG's EXIF APP1 payload (`Exif\0\0…`), or null (not a JPEG, or no EXIF). */
export async function readExifBlock(file: Blob): Promise<Blob | null> {
  const head = new Uint8Array(await file.slice(0, 256 * 1024).arrayBuffer());
  return findExifSegment(head) ? file.slice(...findExifSegment(head)!) : null;
}

/** [start, end) of the EXIF payload in the JPEG's first bytes, walking the markers before the image data. */
export function findExifSegment(bytes: Uint8Array): [number, number] | null {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
  let offset = 2;
  while (offset + 4 <= bytes.length && bytes[offset] === 0xff) {
    const marker = bytes[offset + 1]!;
    if (marker === 0xda || marker === 0xd9) return null; // image data or end: no EXIF before it
    const length = (bytes[offset + 2]! << 8) | bytes[offset + 3]!;
    const start = offset + 4;
    const isExif =
      marker === 0xe1 && String.fromCharCode(...bytes.subarray(start, start + 6)) === 'Exif\0\0' && offset + 2 + length <= bytes.length;
    if (isExif) return [start, offset + 2 + length];
    offset += 2 + length;
  }
  return null;
}
