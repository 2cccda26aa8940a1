// PURE module: field reports (现场报告) as the phone sends them and the board shows them.
import { z } from 'zod';

/** The report's fields as the phone sends them (JSON in the multipart field `report`); photos travel as files. */
export const fieldReportInput = z.object({
  // Generated on the phone: a report queued offline and sent twice is stored once.
  id: z.string().uuid(),
  text: z.string().trim().max(2000).default(''),
  position: z
    .object({
      lat: z.number().min(-90).max(90),
      lng: z.number().min(-180).max(180),
      accuracy: z.number().min(0).max(100_000).nullable().default(null),
    })
    .nullable()
    .default(null),
  // When the person wrote it (the phone's clock); kept between the card's sending and arrival.
  capturedAt: z.string().datetime({ offset: true }).optional(),
  // The phone's offset from UTC, to read its photos' EXIF wall-clock times that carry no zone.
  utcOffsetMinutes: z
    .number()
    .int()
    .min(-14 * 60)
    .max(14 * 60)
    .default(8 * 60),
});
export type FieldReportInput = z.input<typeof fieldReportInput>;

export type FieldReportPhotoView = {
  id: string;
  width: number;
  height: number;
  /** From the photo's own EXIF, when it had them. */
  takenAt: string | null;
  lat: number | null;
  lng: number | null;
};

export type FieldReportView = {
  id: string;
  incidentId: string;
  assignmentId: string;
  author: { id: string; displayName: string };
  roleName: string;
  text: string;
  position: { lat: number; lng: number; accuracy: number | null } | null;
  capturedAt: string;
  createdAt: string;
  photos: FieldReportPhotoView[];
};

/** Where a photo is served (access-checked): command roles and the incident's assignees only. */
export const fieldPhotoUrl = (photoId: string) => `/api/field-photos/${photoId}`;
