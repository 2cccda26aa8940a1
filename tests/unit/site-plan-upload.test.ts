import { readdirSync, rmSync } from 'node:fs';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sitePlans } from '@/db/schema';
import { uploadSitePlan } from '@/server/one-map';
import { PLAN_LIMITS } from '@/server/one-map/plan-limits';
import { createSeededDb } from '../helpers/fixtures';
import { makeImage, SVG_WITH_SCRIPT } from '../helpers/images';

const uploadDir = `/tmp/ecodispatch-upload-test-${process.pid}`;
let fixture: Awaited<ReturnType<typeof createSeededDb>>;
beforeEach(async () => {
  process.env.UPLOAD_DIR = uploadDir;
  rmSync(uploadDir, { recursive: true, force: true });
  fixture = await createSeededDb();
});
afterEach(() => fixture.close());

const storedFiles = () => {
  try {
    return readdirSync(`${uploadDir}/site-plans`);
  } catch {
    return [];
  }
};

async function upload(bytes: Uint8Array) {
  const ctx = await fixture.ctxFor('ent1');
  return uploadSitePlan({ ctx, input: { enterpriseId: fixture.ids.enterpriseIds.get('wwtp')! }, bytes });
}

describe('site-plan upload', () => {
  it.each(['png', 'jpeg', 'webp'] as const)('accepts a %s and stores it re-encoded as PNG under a generated name', async (format) => {
    const result = await upload(await makeImage(format, 1200, 800));
    expect(result).toMatchObject({ width: 1200, height: 800 });
    expect(result.fileName).toMatch(/^[0-9a-f-]{36}\.png$/);
    expect(storedFiles()).toEqual([result.fileName]);
    const metadata = await sharp(`${uploadDir}/site-plans/${result.fileName}`).metadata();
    expect(metadata.format).toBe('png');
  });

  it('scales a very wide plan down to the maximum edge', async () => {
    const result = await upload(await makeImage('png', 6000, 1000));
    expect(result.width).toBe(PLAN_LIMITS.maxEdge);
  });

  it.each([
    ['an SVG with script', SVG_WITH_SCRIPT, 'unsupported_media_type'],
    ['a text file (whatever its name says)', Buffer.from('just text pretending to be site-plan.png'), 'unsupported_media_type'],
    ['a PDF', Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF'), 'unsupported_media_type'],
    ['an empty file', Buffer.alloc(0), 'invalid_input'],
    ['a file over the byte cap', Buffer.alloc(PLAN_LIMITS.maxBytes + 1, 1), 'payload_too_large'],
  ])('refuses %s and stores nothing', async (_name, bytes, code) => {
    await expect(upload(bytes)).rejects.toMatchObject({ code });
    expect(storedFiles()).toEqual([]);
    expect(await fixture.db.select().from(sitePlans)).toEqual([]);
  });

  it('refuses an image with too many pixels before decoding it', async () => {
    const huge = await sharp({ create: { width: 8000, height: 6000, channels: 3, background: '#fff' } })
      .png({ compressionLevel: 9 })
      .toBuffer();
    await expect(upload(huge)).rejects.toMatchObject({ code: 'payload_too_large', messageKey: 'imageTooManyPixels' });
    expect(storedFiles()).toEqual([]);
  });

  it('refuses a truncated PNG', async () => {
    const png = await makeImage('png', 400, 300);
    await expect(upload(png.subarray(0, 60))).rejects.toMatchObject({
      code: expect.stringMatching(/invalid_input|unsupported_media_type/),
    });
    expect(storedFiles()).toEqual([]);
  });
});
