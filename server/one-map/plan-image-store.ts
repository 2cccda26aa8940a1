import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { getEnv } from '../kernel/config/env';
import { PLAN_FILE_NAME } from './plan-image-url';

// Site plans on disk under UPLOAD_DIR/site-plans, by generated name. Old files are kept:
// published versions keep pointing at the plan they were drawn on.
const directory = () => path.resolve(getEnv().UPLOAD_DIR, 'site-plans');

export async function storePlanImage(png: Buffer): Promise<string> {
  const fileName = `${randomUUID()}.png`;
  await mkdir(directory(), { recursive: true });
  await writeFile(path.join(directory(), fileName), png, { flag: 'wx' });
  return fileName;
}

export async function readPlanImage(fileName: string): Promise<Buffer | null> {
  if (!PLAN_FILE_NAME.test(fileName)) return null;
  return readFile(path.join(directory(), fileName)).catch(() => null);
}

export async function removePlanImage(fileName: string): Promise<void> {
  if (PLAN_FILE_NAME.test(fileName)) await rm(path.join(directory(), fileName), { force: true });
}
