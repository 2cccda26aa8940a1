import { expect, type Browser, type WebSocketRoute } from '@playwright/test';
import { failOnCspViolations } from './csp';
import { DEMO_PASSWORD, PHONE } from './sessions';

/**
 * A phone whose network the test can cut. `setOffline` stops HTTP (and Socket.IO's polling) but
 * leaves an open WebSocket alone, so every socket goes through a route the test can close.
 */
export async function phoneWithCuttableNetwork(browser: Browser, username: string) {
  const context = await browser.newContext(PHONE);
  failOnCspViolations(context);
  let isCut = false;
  const sockets: WebSocketRoute[] = [];
  await context.routeWebSocket(/\/socket\.io\//, (ws) => {
    if (isCut) return void ws.close();
    ws.connectToServer();
    sockets.push(ws);
  });
  const login = await context.request.post('/api/auth/login', { data: { username, password: DEMO_PASSWORD } });
  expect(login.status(), `login as ${username}`).toBe(200);
  const page = await context.newPage();
  return {
    context,
    page,
    async cut() {
      isCut = true;
      await context.setOffline(true);
      await Promise.all(sockets.splice(0).map((ws) => ws.close().catch(() => undefined)));
    },
    async restore() {
      isCut = false;
      await context.setOffline(false);
    },
  };
}
