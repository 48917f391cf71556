/**
 * Every examples/*.json workflow, imported into a real n8n that has this package installed
 * from its tarball, runs against its own simulator and does what examples.expectations.ts says
 * (exact API calls in order, plus output checks). Run in n8n 2.41.1 by examples.test.ts and in
 * n8n 1.123.81 by the compatibility suite (npm run test:compat).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { startSimulator, type OfAuthSimulator } from '../simulator';
import {
	exampleExpectations,
	type ExampleExpectation,
	type ExpectedRequest,
} from './examples.expectations';
import {
	EXAMPLE_CREDENTIAL,
	EXAMPLE_ONLYFANSAPI_CREDENTIAL,
	REPO_ROOT,
	RealN8n,
	simulatorCredential,
	simulatorOnlyFansApiCredential,
	useCredential,
	type ExecuteResult,
	type RunningN8n,
	type WorkflowJson,
} from './realN8n';

const EXAMPLES_DIR = path.join(REPO_ROOT, 'examples');
const exampleNames = readdirSync(EXAMPLES_DIR)
	.filter((f) => f.endsWith('.json'))
	.map((f) => f.slice(0, -'.json'.length))
	.sort();

function readExample(name: string): WorkflowJson {
	return JSON.parse(readFileSync(path.join(EXAMPLES_DIR, `${name}.json`), 'utf8')) as WorkflowJson;
}

/** examples that run inside `n8n start` on their own trigger */
const isPublished = (e: ExampleExpectation) =>
	e.start?.type === 'webhook' || e.start?.type === 'poll';

interface Prepared {
	name: string;
	expectation: ExampleExpectation;
	workflow: WorkflowJson;
	sim: OfAuthSimulator;
}

/** Defines the examples suite in the n8n `createN8n` gives (a fresh user folder with the package). */
export function describeExampleWorkflows(createN8n: () => Promise<RealN8n>): void {
	const prepared = new Map<string, Prepared>();
	let n8n: RealN8n | undefined;
	let server: RunningN8n | undefined;
	/** poll examples whose event beforeAll made happen (their run may come before their test starts) */
	const firedEarly = new Set<string>();

	const startContext = (p: Prepared) => ({
		sim: p.sim,
		n8n: server!,
		workflow: p.workflow,
		webhookUrl: (nodeName: string, webhookPath = 'webhook') => {
			const node = p.workflow.nodes.find((x) => x.name === nodeName);
			if (!node?.webhookId)
				throw new Error(`node "${nodeName}" has no webhookId in examples/${p.name}.json`);
			return server!.webhookUrl(`${node.webhookId}/${webhookPath}`);
		},
	});

	beforeAll(async () => {
		n8n = await createN8n();
		const credentials = [];
		const workflows: WorkflowJson[] = [];
		let i = 0;
		for (const name of exampleNames) {
			const expectation = exampleExpectations[name];
			if (!expectation) continue; // reported by its own test below
			i += 1;
			const n = String(i).padStart(2, '0');
			// one simulator and one credential per example: state and request logs never mix
			const sim = await startSimulator({ seed: 1, ...expectation.simulator });
			const credential = simulatorCredential(sim, `e2eExampleCred${n}`, `OFAuth example ${n}`);
			const onlyFansApiCredential = simulatorOnlyFansApiCredential(
				sim,
				`e2eExampleOfapiCred${n}`,
				`OnlyFansAPI.com example ${n}`,
			);
			credentials.push(credential, onlyFansApiCredential);
			const workflow = {
				...useCredential(readExample(name), credential, onlyFansApiCredential),
				id: `e2eExample${n}`,
				active: false,
			};
			workflows.push(workflow);
			prepared.set(name, { name, expectation, workflow, sim });
		}
		await n8n.importCredentials(credentials);
		await n8n.importWorkflows(workflows);
		const published = [...prepared.values()].filter((p) => isPublished(p.expectation));
		if (published.length) {
			server = await n8n.start();
			await server.login();
			// the editor's Publish button (one REST call each instead of one `n8n publish:workflow` boot each)
			for (const p of published) await server.activate(p.workflow.id!);
			// activating a poll workflow runs its first poll a moment AFTER the REST call returns; that
			// poll only notes what exists, so a test that changes the simulator before it would change
			// the snapshot instead of triggering a run: wait for it before anything else happens
			for (const p of published.filter((x) => x.expectation.start?.type === 'poll')) {
				const deadline = Date.now() + 60_000;
				while (p.sim.requests.length === 0) {
					if (Date.now() > deadline)
						throw new Error(`examples/${p.name}.json: no activation poll within 60 s`);
					await new Promise((resolve) => setTimeout(resolve, 100));
				}
			}
		}
		// every poll example's event happens now, at once: they are all picked up by n8n's next
		// minute tick instead of one tick per example (each waits for its run in its own test)
		for (const p of published) {
			const start = p.expectation.start;
			if (start?.type !== 'poll') continue;
			p.sim.clearRequests(); // before the event: the tick may come right after it
			await start.fire?.(startContext(p));
			firedEarly.add(p.name);
		}
		for (const p of prepared.values()) if (!firedEarly.has(p.name)) p.sim.clearRequests(); // nothing n8n did while loading counts
	}, 15 * 60_000);

	afterAll(async () => {
		await n8n?.dispose();
		await Promise.all([...prepared.values()].map((p) => p.sim.close()));
	}, 60_000);

	test('examples/ holds at least one workflow and every example has an expectation (and vice versa)', () => {
		expect(exampleNames.length).toBeGreaterThan(0);
		expect(exampleNames.filter((n) => !exampleExpectations[n])).toEqual([]);
		expect(Object.keys(exampleExpectations).filter((n) => !exampleNames.includes(n))).toEqual([]);
	});

	test.each(exampleNames)(
		'examples/%s.json uses only installed node types and the example credential of each service',
		(name) => {
			const workflow = readExample(name);
			for (const node of workflow.nodes) {
				expect(node.type).toMatch(
					/^(n8n-nodes-base\.|@n8n\/n8n-nodes-langchain\.|n8n-nodes-ofauth-messaging\.|n8n-nodes-onlyfansapi-messaging\.)/,
				);
				const credential = node.type.startsWith('n8n-nodes-ofauth-messaging.')
					? { ofAuthApi: { id: EXAMPLE_CREDENTIAL.id, name: EXAMPLE_CREDENTIAL.name } }
					: node.type.startsWith('n8n-nodes-onlyfansapi-messaging.')
						? {
								onlyFansApiMessagingApi: {
									id: EXAMPLE_ONLYFANSAPI_CREDENTIAL.id,
									name: EXAMPLE_ONLYFANSAPI_CREDENTIAL.name,
								},
							}
						: undefined;
				if (credential) {
					expect({ node: node.name, credentials: node.credentials }).toEqual({
						node: node.name,
						credentials: credential,
					});
				}
			}
		},
	);

	function pickRequest(r: OfAuthSimulator['requests'][number]): ExpectedRequest {
		return { method: r.method, path: r.path, query: r.query, body: r.body, headers: r.headers };
	}

	async function runExample(p: Prepared): Promise<ExecuteResult> {
		const start = p.expectation.start;
		if (start?.type === 'webhook' || start?.type === 'poll') {
			// fired in beforeAll: its runs count from none (the activation poll starts no run)
			const early = firedEarly.has(p.name);
			const before = early ? 0 : (await server!.waitForExecutions(p.workflow.id!, 0)).length;
			if (!early) await start.fire?.(startContext(p));
			const timeoutMs = start.timeoutMs ?? (start.type === 'poll' ? 150_000 : 30_000);
			const done = await server!.waitForExecutions(
				p.workflow.id!,
				before + (start.executions ?? 1),
				timeoutMs,
			);
			const latest = done.sort((a, b) => Number(b.id) - Number(a.id))[0];
			return await server!.getExecution(latest.id);
		}
		return await n8n!.execute(p.workflow.id!);
	}

	let knownTypes: Promise<Map<string, number[]>> | undefined;
	/** Every node type this n8n loaded, with its versions (one `n8n export:nodes` per suite). */
	const knownNodeTypes = () =>
		(knownTypes ??= n8n!.exportNodeTypes().then((types) => {
			// a versioned node (e.g. the AI Agent) is listed once per version family
			const versions = new Map<string, number[]>();
			for (const type of types) {
				const listed = ([] as number[]).concat(
					(type as { version?: number | number[] }).version ?? 1,
				);
				versions.set(type.name, [...(versions.get(type.name) ?? []), ...listed]);
			}
			return versions;
		}));

	describe.each(exampleNames.filter((n) => exampleExpectations[n]))(
		'examples/%s.json in real n8n',
		(name) => {
			const start = exampleExpectations[name].start;
			if (start?.type === 'importOnly') {
				test(`is imported and every node is known to this n8n (not run: ${start.why})`, async () => {
					const p = prepared.get(name)!;
					const known = await knownNodeTypes();
					const unknown = p.workflow.nodes
						.filter((node) => !known.get(node.type)?.includes(Number(node.typeVersion)))
						.map((node) => `${node.name} (${node.type} v${node.typeVersion})`);
					expect(unknown).toEqual([]);
					const exported = await n8n!.cli(['export:workflow', `--id=${p.workflow.id}`]);
					expect(exported.stdout).toContain(p.workflow.nodes[0].name);
				}, 120_000);
				return;
			}
			test('runs against the simulator and makes exactly the expected API calls', async () => {
				const p = prepared.get(name)!;
				if (!firedEarly.has(name)) {
					p.sim.clearRequests();
					await p.expectation.before?.(p.sim);
				}
				const result = await runExample(p);
				const context = `exit ${result.code}; error: ${result.errorMessage ?? 'none'}\n${result.stderr.slice(-1500)}`;
				if (p.expectation.fails) {
					expect(result.errorMessage ?? context).toMatch(p.expectation.fails);
				} else if (result.code !== 0 || result.errorMessage || !result.execution) {
					throw new Error(`examples/${name}.json did not run cleanly: ${context}`);
				}
				const expected =
					typeof p.expectation.requests === 'function'
						? p.expectation.requests(p.sim)
						: p.expectation.requests;
				const requests = p.sim.requests.slice();
				// an example that ran before its test: n8n's later ticks polled again and found nothing
				const poll = requests[0];
				while (
					firedEarly.has(name) &&
					requests.length > expected.length &&
					requests[requests.length - 1].method === poll.method &&
					requests[requests.length - 1].path === poll.path
				)
					requests.pop();
				expect(requests.map(pickRequest)).toMatchObject(expected);
				await p.expectation.check?.({
					sim: p.sim,
					workflow: p.workflow,
					result,
					output: (nodeName) => result.output(nodeName),
					requests,
				});
			}, 240_000);
		},
	);
}
