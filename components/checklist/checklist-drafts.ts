import type { ChecklistData, ChecklistStepName } from '@/server/contracts/checklist';

// The wizard edits strings (numbers and step lists as typed); they become step data only when
// checked and saved, so a half-typed value is never lost to a conversion.

export type SubstanceDraft = { key: string; name: string; maxQuantity: string; unit: string };
export type StorageDraft = {
  key: string;
  code: string;
  name: string;
  kind: string;
  substances: SubstanceDraft[];
  disposalSteps: string;
  responsibleName: string;
  responsiblePhone: string;
};
export type OutfallDraft = Omit<StorageDraft, 'substances'>;
export type ContactDraft = { key: string; name: string; role: string; phone: string };
export type MaterialDraft = { key: string; kind: string; quantity: string; location: string };
export type Drafts = { storage: StorageDraft[]; outfalls: OutfallDraft[]; contacts: ContactDraft[]; materials: MaterialDraft[] };

let counter = 0;
/** Keys for rows added in the browser; rows from the server are keyed by position. */
export const newKey = () => `n${++counter}`;

export const emptySubstance = (): SubstanceDraft => ({ key: newKey(), name: '', maxQuantity: '', unit: 't' });
export const emptyStorage = (): StorageDraft => ({
  key: newKey(),
  code: '',
  name: '',
  kind: 'storage_tank',
  substances: [emptySubstance()],
  disposalSteps: '',
  responsibleName: '',
  responsiblePhone: '',
});
export const emptyOutfall = (): OutfallDraft => ({
  key: newKey(),
  code: '',
  name: '',
  kind: 'valve',
  disposalSteps: '',
  responsibleName: '',
  responsiblePhone: '',
});
export const emptyContact = (): ContactDraft => ({ key: newKey(), name: '', role: '', phone: '' });
export const emptyMaterial = (): MaterialDraft => ({ key: newKey(), kind: '', quantity: '', location: '' });

const lines = (value: string) =>
  value
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

export function toDrafts(data: ChecklistData): Drafts {
  return {
    storage: (data.storage?.storages ?? []).map((item, index) => ({
      ...item,
      key: `s${index}`,
      substances: item.substances.map((substance, position) => ({
        ...substance,
        key: `s${index}-${position}`,
        maxQuantity: String(substance.maxQuantity),
      })),
      disposalSteps: item.disposalSteps.join('\n'),
    })),
    outfalls: (data.outfalls?.points ?? []).map((item, index) => ({
      ...item,
      key: `o${index}`,
      disposalSteps: item.disposalSteps.join('\n'),
    })),
    contacts: (data.contacts?.contacts ?? []).map((item, index) => ({ ...item, key: `c${index}` })),
    materials: (data.materials?.materials ?? []).map((item, index) => ({ ...item, key: `m${index}` })),
  };
}

const toNumber = (value: string) => (value.trim() === '' ? Number.NaN : Number(value.trim().replace(',', '.')));

/** What the step sends: the same shape the shared schema checks, here and on the server. */
export function toStepData(step: ChecklistStepName, drafts: Drafts): unknown {
  switch (step) {
    case 'storage':
      return {
        storages: drafts.storage.map(({ key: _key, substances, disposalSteps, ...item }) => ({
          ...item,
          substances: substances.map(({ key: _substanceKey, maxQuantity, ...substance }) => ({
            ...substance,
            maxQuantity: toNumber(maxQuantity),
          })),
          disposalSteps: lines(disposalSteps),
        })),
      };
    case 'outfalls':
      return { points: drafts.outfalls.map(({ key: _key, disposalSteps, ...item }) => ({ ...item, disposalSteps: lines(disposalSteps) })) };
    case 'contacts':
      return { contacts: drafts.contacts.map(({ key: _key, ...item }) => item) };
    case 'materials':
      return { materials: drafts.materials.map(({ key: _key, ...item }) => item) };
  }
}
