/** On a narrow screen the form sits below a long table: bring it into view when a row is picked for editing. */
export function revealForm(testId: string) {
  window.requestAnimationFrame(() =>
    document.querySelector(`[data-testid="${testId}"]`)?.scrollIntoView({ block: 'nearest', behavior: 'smooth' }),
  );
}
