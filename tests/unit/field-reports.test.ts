import { randomUUID } from 'node:crypto';
import { readdirSync, rmSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import exifReader from 'exif-reader';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditEvents, fieldReportPhotos, fieldReports, planRoles } from '@/db/schema';
import { advanceAssignment } from '@/server/dispatch/advance-assignment';
import { createFieldReport, listFieldReports, readFieldPhotoFile } from '@/server/field-reports';
import { FIELD_PHOTO_LIMITS } from '@/server/field-reports/limits';
import { processFieldPhoto } from '@/server/field-reports/process-field-photo';
import { DomainError } from '@/server/kernel/errors';
import { createEscalationFixture, TRIGGERED_AT } from '../helpers/escalation-fixture';
import { exifBlockOf, makeExifPhoto, makeHugeDeclaredPng, PHOTO_TAKEN } from '../helpers/exif-photo';
import { makeImage, SVG_WITH_SCRIPT } from '../helpers/images';

// Field reports (现场报告): an assignee's text, photos and position. Photos keep when and where
// they were taken and nothing else of their EXIF; only command and the incident's assignees see
// them; bad input is refused with a clear error and leaves nothing behind, not even a file.
const uploadDir = `/tmp/ecodispatch-field-reports-${process.pid}`;
let fixture: Awaited<ReturnType<typeof createEscalationFixture>>;
beforeEach(() => {
  process.env.UPLOAD_DIR = uploadDir;
  rmSync(uploadDir, { recursive: true, force: true });
});
afterEach(() => fixture?.close());

const storedFiles = () => {
  try {
    return readdirSync(`${uploadDir}/field-photos`);
  } catch {
    return [];
  }
};
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => (error instanceof DomainError ? { code: error.code, key: error.messageKey } : error),
  );

describe('photo processing', () => {
  it('keeps the capture time and GPS, drops make, model, serial and owner, re-encodes as JPEG', async () => {
    const original = await makeExifPhoto(1600, 1200);
    expect(exifReader(exifBlockOf(original)).Image?.Make).toBe('FieldCam'); // the fixture has them

    const photo = await processFieldPhoto(original);

    expect(photo.takenAt?.toISOString()).toBe(PHOTO_TAKEN.takenAt);
    expect(photo.lat).toBeCloseTo(PHOTO_TAKEN.lat, 5);
    expect(photo.lng).toBeCloseTo(PHOTO_TAKEN.lng, 5);
    const stored = await sharp(photo.jpeg).metadata();
    expect(stored.format).toBe('jpeg');
    expect(stored.exif).toBeUndefined();
    const text = photo.jpeg.toString('latin1');
    for (const leaked of ['FieldCam', 'FC-9000', 'SN-0042', 'FieldOS']) expect(text).not.toContain(leaked);
  });

  it('rotates upright by the EXIF orientation and caps the long side', async () => {
    const photo = await processFieldPhoto(await makeExifPhoto(4000, 3000, 6)); // 6: rotate 90°
    expect({ width: photo.width, height: photo.height }).toEqual({ width: 1536, height: FIELD_PHOTO_LIMITS.maxEdge });
  });

  it('reads time and GPS from the original EXIF block sent beside a shrunk copy without EXIF', async () => {
    const original = await makeExifPhoto(800, 600);
    const shrunk = await sharp(original).resize(400).jpeg().toBuffer();
    expect((await sharp(shrunk).metadata()).exif).toBeUndefined();
    const photo = await processFieldPhoto(shrunk, { originalExif: exifBlockOf(original) });
    expect(photo.takenAt?.toISOString()).toBe(PHOTO_TAKEN.takenAt);
    expect(photo.lat).toBeCloseTo(PHOTO_TAKEN.lat, 5);
  });

  it('refuses what is not an image, absurd dimensions and oversized files', async () => {
    expect(await refusal(processFieldPhoto(SVG_WITH_SCRIPT))).toMatchObject({ code: 'unsupported_media_type', key: 'photoNotAnImage' });
    expect(await refusal(processFieldPhoto(Buffer.from('not a photo.jpg')))).toMatchObject({ key: 'photoNotAnImage' });
    // 10 000 × 10 000 declared: refused from the header, before decoding 100 megapixels.
    const bomb = await makeHugeDeclaredPng(10_000, 10_000);
    expect(await refusal(processFieldPhoto(bomb))).toMatchObject({ code: 'payload_too_large', key: 'photoTooManyPixels' });
    const huge = Buffer.alloc(FIELD_PHOTO_LIMITS.maxPhotoBytes + 1);
    expect(await refusal(processFieldPhoto(huge))).toMatchObject({ code: 'payload_too_large', key: 'photoTooLarge' });
  });
});

describe('field reports', () => {
  async function started() {
    fixture = await createEscalationFixture();
    const result = await fixture.trigger();
    return { ...result, env1: await fixture.ctxAt('env1') };
  }
  const reportOf = (incidentId: string, extra: Record<string, unknown> = {}) => ({
    incidentId,
    id: randomUUID(),
    text: '合谷段下游 200 米仍见油膜',
    position: { lat: 29.577, lng: 106.306, accuracy: 12 },
    ...extra,
  });

  it('stores text, position and photos with the audit row, pushes it to the board, and a resend changes nothing', async () => {
    const { incident, env1, original } = await started();
    await fixture.at(120);
    const capturedAt = new Date(TRIGGERED_AT + 100_000).toISOString();
    const input = reportOf(incident.id, { capturedAt });

    const view = await createFieldReport({ ctx: env1, input, photos: [{ bytes: await makeExifPhoto() }] });

    expect(view).toMatchObject({
      id: input.id,
      assignmentId: original.id,
      author: { id: fixture.user('env1'), displayName: '王建国' },
      roleName: '溯源排查组',
      text: input.text,
      position: input.position,
      capturedAt,
    });
    expect(view.photos).toHaveLength(1);
    expect(view.photos[0]).toMatchObject({ takenAt: PHOTO_TAKEN.takenAt });
    expect(storedFiles()).toEqual([`${view.photos[0]!.id}.jpg`]);
    const [audit] = await fixture.db.select().from(auditEvents).where(eq(auditEvents.entityId, input.id));
    expect(audit).toMatchObject({ action: 'field_report.added', incidentId: incident.id, data: { photos: 1, role: '溯源排查组' } });
    expect(fixture.emitter.sent.filter((sent) => sent.kind === 'fieldReportAdded')).toEqual([
      { kind: 'fieldReportAdded', to: env1.actor.jurisdictionId, payload: { messageId: `field-report:${input.id}`, report: view } },
    ]);

    // The phone's queue sends it again (the answer was lost): the same report, nothing new.
    const again = await createFieldReport({ ctx: env1, input, photos: [{ bytes: await makeExifPhoto() }] });
    expect(again).toEqual(view);
    expect(storedFiles()).toHaveLength(1);
    expect(await fixture.db.select().from(fieldReports)).toHaveLength(1);
    expect(fixture.emitter.sent.filter((sent) => sent.kind === 'fieldReportAdded')).toHaveLength(1);

    expect(await listFieldReports({ ctx: await fixture.ctxAt('duty'), input: { incidentId: incident.id } })).toEqual({
      reports: [view],
      photoRequired: null,
    });
    // 溯源排查组 requires a photo (seeded 拍照取证): env1 sent one.
    expect((await listFieldReports({ ctx: env1, input: { incidentId: incident.id } })).photoRequired).toBe(false);
  });

  it('the same report sent twice at once (the outbox retried during the upload) is stored once, and both get it', async () => {
    const { incident, env1 } = await started();
    const input = reportOf(incident.id);
    // Both pass the "already stored?" check before either writes: the photo processing runs in between.
    const [first, second] = await Promise.all([
      createFieldReport({ ctx: env1, input, photos: [{ bytes: await makeExifPhoto() }] }),
      createFieldReport({ ctx: env1, input, photos: [{ bytes: await makeExifPhoto() }] }),
    ]);
    expect(second).toEqual(first);
    expect(await fixture.db.select().from(fieldReports)).toHaveLength(1);
    expect(storedFiles()).toEqual([`${first.photos[0]!.id}.jpg`]);
    expect(await fixture.db.select().from(auditEvents).where(eq(auditEvents.entityId, input.id))).toHaveLength(1);
    expect(fixture.emitter.sent.filter((sent) => sent.kind === 'fieldReportAdded')).toHaveLength(1);
  });

  it('refuses bad input with a clear error and stores nothing, not even a file', async () => {
    const { incident, env1 } = await started();
    const good = await makeExifPhoto(400, 300);
    const cases: [string, () => Promise<unknown>, object][] = [
      [
        'not an image',
        () => createFieldReport({ ctx: env1, input: reportOf(incident.id), photos: [{ bytes: good }, { bytes: SVG_WITH_SCRIPT }] }),
        { code: 'unsupported_media_type', key: 'photoNotAnImage' },
      ],
      [
        'absurd dimensions',
        () =>
          makeHugeDeclaredPng(12_000, 9_000).then((bomb) =>
            createFieldReport({ ctx: env1, input: reportOf(incident.id), photos: [{ bytes: bomb }] }),
          ),
        { code: 'payload_too_large', key: 'photoTooManyPixels' },
      ],
      [
        'empty',
        () => createFieldReport({ ctx: env1, input: reportOf(incident.id, { text: '  ' }) }),
        { code: 'invalid_input', key: 'fieldReportEmpty' },
      ],
      [
        'bad position',
        () => createFieldReport({ ctx: env1, input: reportOf(incident.id, { position: { lat: 200, lng: 0 } }) }),
        { code: 'invalid_input' },
      ],
      [
        'not assigned',
        () => fixture.ctxAt('env3').then((ctx) => createFieldReport({ ctx, input: reportOf(incident.id) })),
        { code: 'forbidden', key: 'notAssignedToIncident' },
      ],
      [
        'duty officer',
        () => fixture.ctxAt('duty').then((ctx) => createFieldReport({ ctx, input: reportOf(incident.id) })),
        { code: 'forbidden' },
      ],
      [
        'other jurisdiction',
        () => createFieldReport({ ctx: { ...env1, actor: { ...env1.actor, jurisdictionId: 'elsewhere' } }, input: reportOf(incident.id) }),
        { code: 'not_found' },
      ],
    ];
    for (const [name, attempt, expected] of cases) expect(await refusal(attempt()), name).toMatchObject(expected);
    expect(await fixture.db.select().from(fieldReports)).toEqual([]);
    expect(await fixture.db.select().from(fieldReportPhotos)).toEqual([]);
    expect(storedFiles()).toEqual([]);
    expect(fixture.emitter.sent.filter((sent) => sent.kind === 'fieldReportAdded')).toEqual([]);
  });

  it('is refused on a lifted incident', async () => {
    const { incident, env1 } = await started();
    const { liftIncident } = await import('@/server/dispatch');
    await liftIncident({ ctx: await fixture.ctxAt('duty'), input: { incidentId: incident.id, reason: '油污已清除' } });
    expect(
      await refusal(createFieldReport({ ctx: env1, input: reportOf(incident.id), photos: [{ bytes: await makeImage('jpeg', 300, 200) }] })),
    ).toMatchObject({
      code: 'conflict',
      key: 'incidentClosed',
    });
    expect(await fixture.db.select().from(fieldReports)).toEqual([]);
    expect(storedFiles()).toEqual([]);
  });

  it('serves photos to command and the incident’s assignees only', async () => {
    const { incident, env1 } = await started();
    const view = await createFieldReport({ ctx: env1, input: reportOf(incident.id), photos: [{ bytes: await makeExifPhoto(400, 300) }] });
    const input = { photoId: view.photos[0]!.id };
    const assignee = fixture.ids.userIds.get('police1') ? 'police1' : 'env2';

    for (const allowed of ['duty', 'admin', 'env1', assignee]) {
      const bytes = await readFieldPhotoFile({ ctx: await fixture.ctxAt(allowed), input });
      expect((await sharp(bytes).metadata()).format, allowed).toBe('jpeg');
    }
    expect(await refusal(readFieldPhotoFile({ ctx: await fixture.ctxAt('ent1'), input }))).toMatchObject({ code: 'forbidden' });
    expect(await refusal(readFieldPhotoFile({ ctx: await fixture.ctxAt('env3'), input }))).toMatchObject({ code: 'forbidden' });
    const duty = await fixture.ctxAt('duty');
    expect(
      await refusal(readFieldPhotoFile({ ctx: { ...duty, actor: { ...duty.actor, jurisdictionId: 'elsewhere' } }, input })),
    ).toMatchObject({
      code: 'not_found',
    });
    expect(await refusal(readFieldPhotoFile({ ctx: duty, input: { photoId: randomUUID() } }))).toMatchObject({ code: 'not_found' });
    expect(await refusal(readFieldPhotoFile({ ctx: duty, input: { photoId: '../../etc/passwd' } }))).toMatchObject({ code: 'not_found' });
    expect(await refusal(listFieldReports({ ctx: await fixture.ctxAt('env3'), input: { incidentId: incident.id } }))).toMatchObject({
      code: 'forbidden',
    });
  });

  it('a role that requires a photo cannot be marked done until its holder sent one', async () => {
    const { incident, env1, original } = await started();
    const { planRoleId } = await fixture.assignmentRow(original.id);
    await fixture.db.update(planRoles).set({ requiresPhoto: true }).where(eq(planRoles.id, planRoleId));
    for (const step of ['acknowledged', 'en_route', 'on_scene'] as const) await advanceAssignment(env1, original.id, step);

    expect((await listFieldReports({ ctx: env1, input: { incidentId: incident.id } })).photoRequired).toBe(true);
    expect(await refusal(advanceAssignment(env1, original.id, 'done'))).toMatchObject({ code: 'conflict', key: 'photoRequiredBeforeDone' });
    expect((await fixture.assignmentRow(original.id)).status).toBe('on_scene');
    await createFieldReport({ ctx: env1, input: reportOf(incident.id) }); // text only: not enough
    expect(await refusal(advanceAssignment(env1, original.id, 'done'))).toMatchObject({ key: 'photoRequiredBeforeDone' });

    await createFieldReport({ ctx: env1, input: reportOf(incident.id), photos: [{ bytes: await makeExifPhoto(400, 300) }] });
    expect(await advanceAssignment(env1, original.id, 'done')).toMatchObject({ status: 'done' });
  });
});

describe('拍照取证 on plan roles', () => {
  it('is saved and read back by the plan editor, and the seeded river-oil 溯源排查组 has it', async () => {
    fixture = await createEscalationFixture();
    const { createPlan, getAdminPlan } = await import('@/server/plans');
    const ctx = await fixture.ctxAt('admin');
    const role = {
      departmentId: fixture.ids.departmentIds.get('env')!,
      name: '取证组',
      instructions: '拍照取证',
      materials: [],
      targetLabel: '现场',
      requiredCount: 1,
    };
    const plan = await createPlan({
      ctx,
      input: {
        name: '取证预案',
        incidentType: 'water_oil',
        roles: [
          { ...role, requiresPhoto: true },
          { ...role, name: '警戒组' },
        ],
      },
    });
    expect(plan.roles.map((saved) => saved.requiresPhoto)).toEqual([true, false]);
    expect((await getAdminPlan({ ctx, input: { planId: plan.id } })).roles.map((saved) => saved.requiresPhoto)).toEqual([true, false]);
    expect(
      await refusal(createPlan({ ctx, input: { name: '错误', incidentType: 'water_oil', roles: [{ ...role, requiresPhoto: 'yes' }] } })),
    ).toMatchObject({
      code: 'invalid_input',
    });

    const seeded = await fixture.db
      .select()
      .from(planRoles)
      .where(eq(planRoles.planId, fixture.ids.planIds.get('water_oil')!));
    expect(seeded.filter((row) => row.requiresPhoto).map((row) => row.name)).toEqual(['溯源排查组']);
  });
});
