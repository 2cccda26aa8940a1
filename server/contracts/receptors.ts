import { z } from 'zod';
import { RECEPTOR_KINDS, type ReceptorKind } from './statutory-reports';

/** 环境敏感目标 as the API shows it. */
export type ReceptorView = { id: string; kind: ReceptorKind; name: string; location: { lat: number; lng: number }; note: string };

// The admin form's rules; each message is a key under `errors.` (see contracts/admin.ts).
export const receptorFields = z.object({
  kind: z.enum(RECEPTOR_KINDS, { error: 'selectionInvalid' }),
  name: z.string({ error: 'fieldRequired' }).trim().min(1, 'fieldRequired').max(60, 'fieldTooLong'),
  location: z.object(
    {
      lat: z.number({ error: 'latitudeRange' }).min(-90, 'latitudeRange').max(90, 'latitudeRange'),
      lng: z.number({ error: 'longitudeRange' }).min(-180, 'longitudeRange').max(180, 'longitudeRange'),
    },
    { error: 'coordinatesPair' },
  ),
  note: z.string({ error: 'fieldRequired' }).trim().max(200, 'fieldTooLong').default(''),
});
export type ReceptorFields = z.input<typeof receptorFields>;
export const receptorRef = z.object({ receptorId: z.string({ error: 'selectionInvalid' }).uuid('selectionInvalid') });
export const updateReceptorInput = receptorFields.extend(receptorRef.shape);
