import { expect, type BrowserContext } from '@playwright/test';

/**
 * Fails the running test (softly, so it still finishes) on every Content-Security-Policy violation
 * Chromium reports in this context's pages: the policy must not break anything people use.
 */
export function failOnCspViolations(context: BrowserContext): void {
  context.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') {
      expect.soft(message.text(), `CSP violation on ${message.location().url}`).not.toMatch(/Content Security Policy/i);
    }
  });
  context.on('weberror', (error) => {
    expect.soft(String(error.error()), 'page error').not.toMatch(/Content Security Policy/i);
  });
}
