import { spawn, type ChildProcess } from 'node:child_process';
import { access, mkdir, writeFile, open, readFile, rm } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import type { Logger } from 'pino';

const SETPRIV = '/usr/bin/setpriv';
const exists = (file: string) => access(file).then(() => true, () => false);

export interface InfluxdProcess {
  url: string;
  stop(): Promise<void>;
}

/** Starts a private InfluxDB 1.x server with its data under dataDir, on loopback, and waits until it answers /ping. */
export async function startInfluxd(opts: { influxdPath: string; dataDir: string; port?: number; log: Logger }): Promise<InfluxdProcess> {
  const dir = path.join(opts.dataDir, 'influxdb');
  await mkdir(dir, { recursive: true });
  const port = opts.port ?? (await freePort());
  const rpcPort = await freePort();
  const conf = path.join(dir, 'influxdb.conf');
  await writeFile(
    conf,
    [
      'reporting-disabled = true',
      `bind-address = "127.0.0.1:${rpcPort}"`,
      '[meta]',
      `  dir = "${path.join(dir, 'meta')}"`,
      '[data]',
      `  dir = "${path.join(dir, 'data')}"`,
      `  wal-dir = "${path.join(dir, 'wal')}"`,
      '  query-log-enabled = false',
      '[http]',
      `  bind-address = "127.0.0.1:${port}"`,
      '  log-enabled = false',
      '  max-body-size = 0',
      '[monitor]',
      '  store-enabled = false',
      '[continuous_queries]',
      '  enabled = false',
      '',
    ].join('\n'),
  );
  const pidFile = path.join(dir, 'influxd.pid');
  await killStale(pidFile, opts.log);
  const logFile = await open(path.join(dir, 'influxd.log'), 'a');
  let child: ChildProcess;
  try {
    // Own process group: Ctrl-C reaches only us, and we stop influxd after the last telemetry flush. setpriv makes
    // the kernel stop it should we die without that (SIGKILL, OOM), instead of leaving it running on its own.
    const [cmd, args] = (await exists(SETPRIV)) ? [SETPRIV, ['--pdeathsig', 'TERM', '--', opts.influxdPath, '-config', conf]] : [opts.influxdPath, ['-config', conf]];
    child = spawn(cmd, args, { stdio: ['ignore', logFile.fd, logFile.fd], detached: true });
  } finally {
    await logFile.close();
  }
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  if (child.pid) await writeFile(pidFile, String(child.pid));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const spawnError = new Promise<Error>((resolve) => child.once('error', resolve));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    const outcome = await Promise.race([
      ping(url),
      exited.then((code) => new Error(`influxd exited with code ${code}; see ${path.join(dir, 'influxd.log')}`)),
      spawnError.then((err) => new Error(`cannot start ${opts.influxdPath}: ${err.message} (install the Debian package "influxdb" or set INFLUX_URL)`)),
    ]);
    if (outcome instanceof Error) throw outcome;
    if (outcome) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`influxd did not answer on ${url} within 30 s; see ${path.join(dir, 'influxd.log')}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  opts.log.info({ url, dir, pid: child.pid }, 'started local InfluxDB');
  return {
    url,
    async stop() {
      process.off('exit', killOnExit);
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      await rm(pidFile, { force: true });
      opts.log.info('stopped local InfluxDB');
    },
  };
}

/** An influxd left behind by a killed run would hold the data directory's lock; end it. */
async function killStale(pidFile: string, log: Logger) {
  const pid = Number(await readFile(pidFile, 'utf8').catch(() => ''));
  if (!pid) return;
  const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
  if (cmdline.includes('influxd')) {
    log.warn({ pid }, 'stopping an InfluxDB left running by an earlier run');
    process.kill(pid, 'SIGKILL');
    await new Promise((r) => setTimeout(r, 500));
  }
  await rm(pidFile, { force: true });
}

async function ping(url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/ping`, { signal: AbortSignal.timeout(1000) });
    return res.status === 204;
  } catch {
    return false;
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}
