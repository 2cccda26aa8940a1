import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { getEnv } from '../kernel/config/env';

// Field photos on disk under UPLOAD_DIR/field-photos, named `<photo id>.jpg` (a generated UUID),
// never by anything the phone sent.
export const FIELD_PHOTO_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const directory = () => path.resolve(getEnv().UPLOAD_DIR, 'field-photos');
const fileOf = (photoId: string) => path.join(directory(), `${photoId}.jpg`);

export async function storeFieldPhoto(photoId: string, jpeg: Buffer): Promise<void> {
  if (!FIELD_PHOTO_ID.test(photoId)) throw new Error('bad photo id');
  await mkdir(directory(), { recursive: true });
  await writeFile(fileOf(photoId), jpeg, { flag: 'wx' });
}

export async function readFieldPhoto(photoId: string): Promise<Buffer | null> {
  if (!FIELD_PHOTO_ID.test(photoId)) return null;
  return readFile(fileOf(photoId)).catch(() => null);
}

export async function removeFieldPhotos(photoIds: string[]): Promise<void> {
  await Promise.all(photoIds.filter((id) => FIELD_PHOTO_ID.test(id)).map((id) => rm(fileOf(id), { force: true })));
}
