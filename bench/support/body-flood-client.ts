// The flooding side of bench/body-flood.ts, in its own process so the health prober is not
// starved by it. CONNECTIONS anonymous clients each declare a huge body to POST /api/locale and
// stream zeros as fast as the socket takes them until the server answers; then start again.
// Prints one JSON line: the time from the first byte sent to the status line, per request, the
// bytes sent before the answer, and this process's CPU use (to show the clients are not the bottleneck).
import { connect } from 'node:net';

const [host, portText, secondsText, connectionsText, declaredText] = process.argv.slice(2);
const port = Number(portText);
const until = Date.now() + Number(secondsText) * 1000;
const declared = Number(declaredText);
const chunk = Buffer.alloc(64 * 1024);
const answers: { ms: number; status: number; sentBytes: number }[] = [];
const started = process.hrtime.bigint();
const cpuStart = process.cpuUsage();

function floodOnce(): Promise<void> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    let sentBytes = 0;
    let first = 0n;
    let isAnswered = false;
    const pump = () => {
      while (!isAnswered && sentBytes < declared && socket.write(chunk)) sentBytes += chunk.length;
    };
    socket.on('connect', () => {
      first = process.hrtime.bigint();
      socket.write(
        `POST /api/locale HTTP/1.1\r\nHost: ${host}:${port}\r\nContent-Type: application/json\r\nContent-Length: ${declared}\r\n\r\n`,
      );
      pump();
    });
    socket.on('drain', pump);
    socket.once('data', (data: Buffer) => {
      isAnswered = true;
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(data.toString('latin1'))?.[1] ?? 0);
      answers.push({ ms: Number(process.hrtime.bigint() - first) / 1e6, status, sentBytes });
      socket.destroy();
    });
    socket.on('error', () => undefined);
    socket.on('close', () => resolve());
  });
}

async function loop() {
  while (Date.now() < until) await floodOnce();
}

await Promise.all(Array.from({ length: Number(connectionsText) }, loop));
const cpu = process.cpuUsage(cpuStart);
const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
console.log(JSON.stringify({ answers, cpuShareOfOneCore: (cpu.user + cpu.system) / 1000 / wallMs }));
