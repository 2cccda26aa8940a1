import type { PublishedRiskPoint } from '../contracts/one-map';
import { INCIDENT_TYPE_CATEGORIES, RISK_SUBSTANCE_CATEGORIES } from './risk-substances/hj941-categories';

// Pure: which risk points of a published map could explain an incident of a given type.
// Each declared substance is placed in the 突发环境事件风险物质 categories (HJ 941-2018 附录A, see
// risk-substances/hj941-categories.ts) by name, synonym or CAS number; each incident type concerns
// some categories (an unknown type concerns them all), and a point matches on a substance in one of
// them, or, for air incidents, on being a stack.

export type SubstanceCategoryLabel = { id: string; zh: string; en: string };
export type SubstanceMatch = {
  code: string;
  name: string;
  substances: string[];
  /** The category each listed substance matched on (a declared substance outside every category has none). */
  categories: Record<string, SubstanceCategoryLabel>;
};

const CAS = /\b\d{2,7}-\d{2}-\d\b/g;
const ASCII = /^[\x20-\x7e]+$/;

const TERMS_BY_CATEGORY = new Map<string, { terms: string[]; cas: Set<string> }>(
  RISK_SUBSTANCE_CATEGORIES.map((category) => [
    category.id,
    {
      terms: category.substances.flatMap((substance) => [substance.zh, substance.en, ...(substance.synonyms ?? [])]),
      cas: new Set(category.substances.flatMap((substance) => (substance.cas ? [substance.cas] : []))),
    },
  ]),
);

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Does a declared name contain this term? A one-character term (氨, 氯, 苯, 氢) must be the whole name
 *  (less its bracketed note), so 聚合氯化铝 is not chlorine; an ASCII term must be a whole word. */
function nameHasTerm(name: string, bare: string, term: string): boolean {
  if (ASCII.test(term)) return new RegExp(`(^|[^a-z0-9])${escapeRegExp(term.toLowerCase())}([^a-z0-9]|$)`).test(name.toLowerCase());
  if ([...term].length <= 1) return bare === term;
  return name.includes(term);
}

/** The categories a declared substance falls in, in the order of the category list. */
export function categoriesOf(substanceName: string): SubstanceCategoryLabel[] {
  const name = substanceName.normalize('NFKC').trim();
  const bare = name.replace(/[(（][^)）]*[)）]/g, '').trim();
  const casNumbers = name.match(CAS) ?? [];
  return RISK_SUBSTANCE_CATEGORIES.filter((category) => {
    const { terms, cas } = TERMS_BY_CATEGORY.get(category.id)!;
    return casNumbers.some((number) => cas.has(number)) || terms.some((term) => nameHasTerm(name, bare, term));
  }).map(({ id, zh, en }) => ({ id, zh, en }));
}

/** The category ids an incident type concerns; every category for a type the list does not know. */
export function categoriesForIncidentType(incidentType: string): readonly string[] {
  return INCIDENT_TYPE_CATEGORIES[incidentType] ?? RISK_SUBSTANCE_CATEGORIES.map((category) => category.id);
}

export function matchSubstances(incidentType: string, points: PublishedRiskPoint[]): SubstanceMatch[] {
  const wanted = new Set(categoriesForIncidentType(incidentType));
  return points.flatMap((point) => {
    const categories: Record<string, SubstanceCategoryLabel> = {};
    const substances = point.substances
      .map((substance) => substance.name)
      .filter((name) => {
        const hit = categoriesOf(name).find((category) => wanted.has(category.id));
        if (hit) categories[name] = hit;
        return hit !== undefined;
      });
    const isStack = incidentType === 'air_pollution' && point.kind === 'boiler_stack';
    return substances.length > 0 || isStack ? [{ code: point.code, name: point.name, substances, categories }] : [];
  });
}

/** Every risk point that declares substances, with all of them and their categories where known. */
export function declaredSubstances(points: PublishedRiskPoint[]): SubstanceMatch[] {
  return points.flatMap((point) => {
    if (point.substances.length === 0) return [];
    const categories: Record<string, SubstanceCategoryLabel> = {};
    for (const { name } of point.substances) {
      const [first] = categoriesOf(name);
      if (first) categories[name] = first;
    }
    return [{ code: point.code, name: point.name, substances: point.substances.map((substance) => substance.name), categories }];
  });
}

/** Great-circle distance in metres. */
export function distanceMetres(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const toRad = (deg: number) => (deg * Math.PI) / 180;
  const dLat = toRad(b.lat - a.lat);
  const dLng = toRad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRad(a.lat)) * Math.cos(toRad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}
