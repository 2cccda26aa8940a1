// PURE: a stored change entry ("pointMoved:V-3") as a oneMap catalog key and its parameters.
const KNOWN = new Set([
  'firstVersion',
  'planReplaced',
  'pointAdded',
  'pointMoved',
  'pointEdited',
  'pointRemoved',
  'contactsChanged',
  'materialsChanged',
  'georefChanged',
]);

export type ChangeText = { key: `changes.${string}`; values: { code: string; change: string } };

export function describeChange(change: string): ChangeText {
  const separator = change.indexOf(':');
  const kind = separator === -1 ? change : change.slice(0, separator);
  const code = separator === -1 ? '' : change.slice(separator + 1);
  // A kind this build does not know (a newer server) is still shown, verbatim, rather than hidden.
  return KNOWN.has(kind) ? { key: `changes.${kind}`, values: { code, change } } : { key: 'changes.unknown', values: { code, change } };
}
