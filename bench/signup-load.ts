/** HTTP load and child processes for bench/signup.ts: loopback only, every request with a timeout. */
import { type ChildProcess, spawn } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const REQUEST_TIMEOUT_MS = 30_000;

export interface Target {
  port: number;
  path: (shiftId: number) => string;
  headers: (i: number) => Record<string, string>;
}
export interface Round {
  accepted: number;
  refused: number;
  errors: number;
  rps: number;
  p99: number;
}

/** Fires `n` requests at once (person i → process i mod N) and measures each from send to answer. */
export async function rush(targets: Target[], shiftId: number, n: number): Promise<Round> {
  const agents = targets.map(() => new http.Agent({ keepAlive: true, maxSockets: 256 }));
  const started = performance.now();
  const results = await Promise.all(
    Array.from({ length: n }, (_, i) => {
      const t = i % targets.length;
      return request(agents[t], targets[t].port, targets[t].path(shiftId), targets[t].headers(i));
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  for (const a of agents) a.destroy();
  const latencies = results.map((r) => r.ms).sort((a, b) => a - b);
  return {
    accepted: results.filter((r) => r.status === 201).length,
    refused: results.filter((r) => r.status === 409).length,
    errors: results.filter((r) => r.status !== 201 && r.status !== 409).length,
    rps: n / elapsed,
    p99: latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * 0.99))],
  };
}

export function request(
  agent: http.Agent,
  port: number,
  urlPath: string,
  headers: Record<string, string>,
): Promise<{ status: number; ms: number }> {
  const body = '{}';
  const t0 = performance.now();
  return new Promise((resolve) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: urlPath,
        method: 'POST',
        agent,
        timeout: REQUEST_TIMEOUT_MS,
        headers: { ...headers, 'content-type': 'application/json', 'content-length': body.length },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - t0 }));
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () => resolve({ status: 0, ms: performance.now() - t0 }));
    req.end(body);
  });
}

export async function startAll(
  children: ChildProcess[],
  count: number,
  firstPort: number,
  args: string[],
  env: NodeJS.ProcessEnv,
  health: string,
) {
  const ports = Array.from({ length: count }, (_, i) => firstPort + i);
  for (const port of ports) {
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      env: { ...env, PORT: String(port) },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    children.push(child);
  }
  await Promise.all(ports.map((port) => waitFor(port, health)));
  return ports;
}

export async function waitFor(port: number, health: string) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const ok = await new Promise<boolean>((resolve) => {
      http
        .get({ host: '127.0.0.1', port, path: health, timeout: 2000 }, (res) => {
          res.resume();
          resolve(res.statusCode === 200);
        })
        .on('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`端口 ${port} 的服务没有启动`);
}

export async function stopAll(children: ChildProcess[]) {
  await Promise.all(
    children.splice(0).map(
      (c) =>
        new Promise<void>((resolve) => {
          if (c.exitCode !== null || c.signalCode !== null) return resolve();
          const timer = setTimeout(() => c.kill('SIGKILL'), 10_000);
          c.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
          c.kill('SIGTERM');
        }),
    ),
  );
}
