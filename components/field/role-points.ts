// PURE: which risk points a role's instructions name ("督促关闭排污阀 V-3"), so the card can put them first.

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The codes of `points` that `instructions` names as whole codes (V-3 is not named by "V-31"). */
export function pointsNamedIn(instructions: string, points: readonly { code: string }[]): Set<string> {
  return new Set(
    points
      .filter((point) => point.code && new RegExp(`(^|[^A-Za-z0-9-])${escape(point.code)}(?![A-Za-z0-9-])`).test(instructions))
      .map((point) => point.code),
  );
}

/** The named points first (in the map's order), then the rest. */
export function namedFirst<T extends { code: string }>(points: readonly T[], named: ReadonlySet<string>): T[] {
  return [...points.filter((point) => named.has(point.code)), ...points.filter((point) => !named.has(point.code))];
}
