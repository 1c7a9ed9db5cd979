import { execFileSync } from 'node:child_process';

/** vitest globalSetup: the browser pages are built (or found up to date) before any test serves them. */
export default function buildFrontend(): void {
  execFileSync('bash', ['platform/setup/ensure-frontend.sh'], { stdio: 'inherit' });
}
