// The field-photo caps. Kept apart from the processing (which loads sharp) because the custom
// server's body guard needs the byte cap before any route runs.
//  - maxPhotoBytes: one photo as uploaded. The phone shrinks before sending (≤ 2048 px, JPEG 0.8,
//    typically 300–900 KB), so this is room for an original sent by a phone that could not shrink it.
//  - maxInputPixels: refused before any pixel is decoded (a 100 000 × 100 000 "bomb" is a few KB of PNG).
//  - maxEdge: the stored photo's long side.
export const FIELD_PHOTO_LIMITS = {
  maxPhotoBytes: 8 * 1024 * 1024,
  maxPhotos: 6,
  maxInputPixels: 50_000_000,
  maxEdge: 2048,
  maxTextLength: 2000,
} as const;

/** The most bytes one report upload may carry: its photos, their EXIF blocks and the form around them. */
export const FIELD_REPORT_MAX_BODY = FIELD_PHOTO_LIMITS.maxPhotos * (FIELD_PHOTO_LIMITS.maxPhotoBytes + 64 * 1024) + 128 * 1024;
