/** Where each benchmark writes its figures: bench/results/<name>.json, with the date and the machine. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { arch, cpus, platform } from 'node:os';

export function machine() {
  return { platform: platform(), arch: arch(), cpus: cpus().length, cpu: cpus()[0]?.model.trim() ?? 'unknown', node: process.version };
}

export function writeResult(name: string, result: Record<string, unknown>): void {
  const folder = new URL('./results/', import.meta.url);
  mkdirSync(folder, { recursive: true });
  const report = { date: new Date().toISOString(), machine: machine(), ...result };
  writeFileSync(new URL(`${name}.json`, folder), `${JSON.stringify(report, null, 2)}\n`);
}
