import sharp from 'sharp';
import { DomainError } from '../kernel/errors';
import { PLAN_LIMITS } from './plan-limits';

const ACCEPTED_FORMATS = new Set(['png', 'jpeg', 'webp']);

/**
 * Validates a site-plan upload by its content (never its name or declared type) and re-encodes it.
 * Re-encoding drops metadata and anything smuggled after the image data; SVG (which can carry
 * script) and every other format are refused before any pixel is decoded.
 */
export async function processPlanImage(bytes: Uint8Array): Promise<{ png: Buffer; width: number; height: number }> {
  if (bytes.byteLength > PLAN_LIMITS.maxBytes) {
    throw new DomainError('payload_too_large', 'imageTooLarge', { maxMb: PLAN_LIMITS.maxBytes / 1_048_576 });
  }
  let format: string | undefined;
  let width = 0;
  let height = 0;
  try {
    const metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
    format = metadata.format;
    width = metadata.width ?? 0;
    height = metadata.height ?? 0;
  } catch {
    throw new DomainError('unsupported_media_type', 'unsupportedImageType');
  }
  if (!format || !ACCEPTED_FORMATS.has(format)) throw new DomainError('unsupported_media_type', 'unsupportedImageType');
  if (width * height > PLAN_LIMITS.maxPixels) {
    throw new DomainError('payload_too_large', 'imageTooManyPixels', { maxMegapixels: PLAN_LIMITS.maxPixels / 1_000_000 });
  }
  try {
    const { data, info } = await sharp(bytes, { limitInputPixels: PLAN_LIMITS.maxPixels, failOn: 'error' })
      .rotate()
      .resize({ width: PLAN_LIMITS.maxEdge, height: PLAN_LIMITS.maxEdge, fit: 'inside', withoutEnlargement: true })
      .png({ compressionLevel: 9, palette: true })
      .toBuffer({ resolveWithObject: true });
    return { png: data, width: info.width, height: info.height };
  } catch {
    throw new DomainError('invalid_input', 'imageUnreadable');
  }
}
