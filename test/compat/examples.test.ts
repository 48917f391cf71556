/**
 * n8n 1.x compatibility (npm run test:compat): every example workflow in a real n8n 1.123.81 on
 * Node 20, the package installed from its tarball, against the simulator, with the same
 * expectations as in 2.41.1. n8n 1.x needs the legacy expression engine on Node 20.
 */
import { execFileSync } from 'node:child_process';

import { describeExampleWorkflows } from '../e2e/examplesSuite';
import { ensureCompatRuntime, RealN8n } from '../e2e/realN8n';

const startedAt = Date.now();

describeExampleWorkflows(async () =>
	RealN8n.create('compat', {
		runtime: await ensureCompatRuntime(),
		env: { N8N_EXPRESSION_ENGINE: 'legacy' },
	}),
);

test('the n8n under test is 1.123.81, on Node 20', async () => {
	const runtime = await ensureCompatRuntime();
	const version = (args: string[]) => execFileSync(runtime.nodeBin, args).toString().trim();
	expect(version([runtime.n8nBin, '--version'])).toBe('1.123.81');
	expect(version(['--version'])).toMatch(/^v20\./);
});

afterAll(() => {
	process.stdout.write(
		`[compat] n8n 1.123.81 suite took ${Math.round((Date.now() - startedAt) / 1000)} s\n`,
	);
});
