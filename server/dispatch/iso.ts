export const iso = (date: Date | null | undefined): string | null => (date ? date.toISOString() : null);
export const isoRequired = (date: Date): string => date.toISOString();
