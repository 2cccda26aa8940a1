import { invalid } from '../kernel/errors';
import type { UploadedPhoto } from './create-field-report';

/**
 * A report upload's parts: `report` (the JSON fields), then `photo` files, each optionally followed
 * by its original's EXIF block in `exif` (same order; an empty blob when the phone has none).
 */
export async function readReportForm(form: FormData): Promise<{ report: unknown; photos: UploadedPhoto[] }> {
  const raw = form.get('report');
  let report: unknown;
  try {
    report = JSON.parse(typeof raw === 'string' ? raw : raw instanceof Blob ? await raw.text() : '');
  } catch {
    throw invalid('fieldReportMalformed', { field: 'report' });
  }
  if (typeof report !== 'object' || report === null || Array.isArray(report)) throw invalid('fieldReportMalformed', { field: 'report' });
  const files = form.getAll('photo');
  const exifs = form.getAll('exif');
  const photos: UploadedPhoto[] = [];
  for (const [index, file] of files.entries()) {
    if (!(file instanceof Blob)) throw invalid('photoNotAnImage', { field: 'photo', photo: index + 1 });
    const exif = exifs[index];
    const exifBytes = exif instanceof Blob && exif.size > 0 && exif.size <= 128 * 1024 ? new Uint8Array(await exif.arrayBuffer()) : null;
    photos.push({ bytes: new Uint8Array(await file.arrayBuffer()), originalExif: exifBytes });
  }
  return { report, photos };
}
