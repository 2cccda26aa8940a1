// PURE: 突发环境事件分级 (the four levels of the 国家突发环境事件应急预案), most severe last so a list
// reads from the everyday upward. The code is the Roman numeral every Chinese plan and report uses.
export const SEVERITIES = ['IV', 'III', 'II', 'I'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const SEVERITY_LABELS: Record<Severity, { zh: string; en: string }> = {
  IV: { zh: '一般（Ⅳ级）', en: 'General (IV)' },
  III: { zh: '较大（Ⅲ级）', en: 'Large (III)' },
  II: { zh: '重大（Ⅱ级）', en: 'Major (II)' },
  I: { zh: '特别重大（Ⅰ级）', en: 'Especially major (I)' },
};

export function isSeverity(value: unknown): value is Severity {
  return typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value);
}

/**
 * Minutes from discovery to the 初报, per level. Many district plans ask for the initial report
 * within one hour whatever the level (the 2011 办法 allows 4 h for IV/III and 2 h for II/I to the next
 * bureau up; the district's own hour is stricter). A jurisdiction may set its own per level.
 */
export type InitialReportMinutes = Record<Severity, number>;
export const DEFAULT_INITIAL_REPORT_MINUTES: InitialReportMinutes = { IV: 60, III: 60, II: 60, I: 60 };
/** Used while no level is set yet: the strictest of the jurisdiction's deadlines. */
export const UNSET_SEVERITY_RULE = 'strictest' as const;
