import { OUTFALL_KINDS, STORAGE_KINDS, type ChecklistData } from '../contracts/checklist';
import type { MapContent, PublishedRiskPoint } from '../contracts/one-map';

const isKindOf = <K extends string>(kinds: readonly K[], kind: string): kind is K => (kinds as readonly string[]).includes(kind);

const responsible = (point: PublishedRiskPoint) => ({ responsibleName: point.responsibleName, responsiblePhone: point.responsiblePhone });

/**
 * A first checklist drawn from what the map draft already holds, so an enterprise with a map
 * reviews and corrects rather than typing everything again. Nothing is stored until a step is saved.
 */
export function prefillFromMap(content: MapContent): ChecklistData {
  const storages = content.riskPoints.flatMap((point) =>
    isKindOf(STORAGE_KINDS, point.kind)
      ? [
          {
            code: point.code,
            name: point.name,
            kind: point.kind,
            substances: point.substances,
            disposalSteps: point.disposalSteps,
            ...responsible(point),
          },
        ]
      : [],
  );
  const points = content.riskPoints.flatMap((point) =>
    isKindOf(OUTFALL_KINDS, point.kind)
      ? [{ code: point.code, name: point.name, kind: point.kind, disposalSteps: point.disposalSteps, ...responsible(point) }]
      : [],
  );
  const data: ChecklistData = {};
  if (storages.length > 0) data.storage = { storages };
  if (points.length > 0) data.outfalls = { points };
  if (content.contacts.length > 0) data.contacts = { contacts: content.contacts };
  if (content.materials.length > 0) data.materials = { materials: content.materials };
  return data;
}
