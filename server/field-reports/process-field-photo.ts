import exifReader from 'exif-reader';
import sharp from 'sharp';
import { DomainError } from '../kernel/errors';
import { FIELD_PHOTO_LIMITS } from './limits';

const ACCEPTED_FORMATS = new Set(['jpeg', 'png', 'webp', 'heif']);

/** What the photo's EXIF said about when and where it was taken; the rest of its EXIF is dropped. */
export type PhotoOrigin = { takenAt: Date | null; lat: number | null; lng: number | null };

export type ProcessedPhoto = PhotoOrigin & { jpeg: Buffer; width: number; height: number };

/**
 * Checks a field photo by its content and re-encodes it as a JPEG without any metadata: rotated
 * upright by its EXIF orientation, at most FIELD_PHOTO_LIMITS.maxEdge on its long side. The capture
 * time and GPS position are read from its EXIF first (or, when the phone shrank it on a canvas,
 * which drops EXIF, from the original's EXIF block sent alongside: `originalExif`) and returned,
 * to be stored in the database; make, model, serial numbers, thumbnails and the rest are not kept.
 */
export async function processFieldPhoto(
  bytes: Uint8Array,
  options: { originalExif?: Uint8Array | null; utcOffsetMinutes?: number } = {},
): Promise<ProcessedPhoto> {
  if (bytes.byteLength > FIELD_PHOTO_LIMITS.maxPhotoBytes) {
    throw new DomainError('payload_too_large', 'photoTooLarge', { maxMb: FIELD_PHOTO_LIMITS.maxPhotoBytes / 1_048_576 });
  }
  let metadata: sharp.Metadata;
  try {
    // Only the header is read here; limitInputPixels is checked below with a clear message.
    metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    throw new DomainError('unsupported_media_type', 'photoNotAnImage');
  }
  if (!metadata.format || !ACCEPTED_FORMATS.has(metadata.format)) throw new DomainError('unsupported_media_type', 'photoNotAnImage');
  if ((metadata.width ?? 0) * (metadata.height ?? 0) > FIELD_PHOTO_LIMITS.maxInputPixels) {
    throw new DomainError('payload_too_large', 'photoTooManyPixels', { maxMegapixels: FIELD_PHOTO_LIMITS.maxInputPixels / 1_000_000 });
  }
  const origin =
    readOrigin(metadata.exif, options.utcOffsetMinutes) ?? readOrigin(options.originalExif ?? undefined, options.utcOffsetMinutes);
  try {
    // No withMetadata(): sharp writes no EXIF, ICC or XMP unless asked, so nothing of the original's is kept.
    const { data, info } = await sharp(bytes, { limitInputPixels: FIELD_PHOTO_LIMITS.maxInputPixels, failOn: 'error' })
      .rotate()
      .resize({ width: FIELD_PHOTO_LIMITS.maxEdge, height: FIELD_PHOTO_LIMITS.maxEdge, fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 82, mozjpeg: true })
      .toBuffer({ resolveWithObject: true });
    return { jpeg: data, width: info.width, height: info.height, ...(origin ?? { takenAt: null, lat: null, lng: null }) };
  } catch {
    throw new DomainError('invalid_input', 'photoUnreadable');
  }
}

/** The capture time and GPS position in an EXIF block (`Exif\0\0…` or bare TIFF), or null when it has neither. */
export function readOrigin(exif: Uint8Array | undefined, utcOffsetMinutes = 8 * 60): PhotoOrigin | null {
  if (!exif || exif.byteLength < 8) return null;
  let tags: ReturnType<typeof exifReader>;
  try {
    tags = exifReader(Buffer.from(exif.buffer, exif.byteOffset, exif.byteLength));
  } catch {
    return null;
  }
  const takenAt = captureTime(tags, utcOffsetMinutes);
  const gps = tags.GPSInfo;
  const lat = coordinate(gps?.GPSLatitude, gps?.GPSLatitudeRef, 'S', 90);
  const lng = coordinate(gps?.GPSLongitude, gps?.GPSLongitudeRef, 'W', 180);
  const hasPosition = lat !== null && lng !== null;
  if (!takenAt && !hasPosition) return null;
  return { takenAt, lat: hasPosition ? lat : null, lng: hasPosition ? lng : null };
}

// EXIF times are the camera's wall clock without a zone (exif-reader reads them as if UTC). The
// zone comes from OffsetTimeOriginal when the camera wrote it, else from the phone's own offset.
function captureTime(tags: ReturnType<typeof exifReader>, utcOffsetMinutes: number): Date | null {
  const wall = tags.Photo?.DateTimeOriginal ?? tags.Photo?.DateTimeDigitized ?? tags.Image?.DateTime;
  if (!(wall instanceof Date) || Number.isNaN(wall.getTime())) return null;
  const written = /^([+-])(\d{2}):(\d{2})$/.exec(String(tags.Photo?.OffsetTimeOriginal ?? '').trim());
  const offset = written ? (written[1] === '-' ? -1 : 1) * (Number(written[2]) * 60 + Number(written[3])) : utcOffsetMinutes;
  return new Date(wall.getTime() - offset * 60_000);
}

function coordinate(value: unknown, ref: unknown, negativeRef: string, max: number): number | null {
  if (!Array.isArray(value) || value.length === 0 || !value.every((part) => typeof part === 'number' && Number.isFinite(part))) return null;
  const [degrees = 0, minutes = 0, seconds = 0] = value as number[];
  const magnitude = degrees + minutes / 60 + seconds / 3600;
  if (magnitude > max) return null;
  const signed = String(ref ?? '').trim().toUpperCase() === negativeRef ? -magnitude : magnitude;
  return Math.round(signed * 1e7) / 1e7;
}
