/**
 * `npm run docs:screenshots`: the README's pictures, taken from a real n8n 2.41.1 editor.
 *
 * Starts the demo (npm start's n8n with this package and the simulator) in a scratch folder,
 * drives Debian's chromium with playwright-core, and writes PNGs into docs/. Run it again after a
 * change to the nodes and the pictures follow. Needs `apt-get install chromium` (CHROMIUM=<path>
 * for another browser).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { chromium, type Page } from 'playwright-core';

import {
	EXAMPLE_CREDENTIAL,
	EXAMPLE_ONLYFANSAPI_CREDENTIAL,
	ONLYFANSAPI_PACKAGE_NAME,
	PACKAGE_NAME,
	REPO_ROOT,
	freePort,
} from '../test/e2e/realN8n';
import { DEMO_LOGIN } from './demoLogin';

const DOCS = path.join(REPO_ROOT, 'docs');
const MAX_BYTES = 300 * 1024;

interface Demo {
	baseUrl: string;
	folder: string;
	child: ChildProcess;
	/** the simulator's control URL the demo printed (what the nodes sent: <url>/requests) */
	controlUrl: string;
}

async function startDemo(): Promise<Demo> {
	const folder = mkdtempSync(path.join(tmpdir(), 'ofauth-docs-'));
	const port = await freePort();
	const child = spawn(process.execPath, [path.join(REPO_ROOT, 'build', 'scripts', 'demo.js')], {
		env: { ...process.env, OFAUTH_DEMO_FOLDER: folder, N8N_PORT: String(port) },
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	let out = '';
	await new Promise<void>((resolve, reject) => {
		child.stdout!.on('data', (chunk: Buffer) => {
			out += chunk.toString();
			process.stdout.write(chunk);
			if (out.includes('Ctrl-C stops')) resolve();
		});
		child.once('exit', (code) => reject(new Error(`the demo exited with ${code}`)));
	});
	const controlUrl = /Simulator control: (\S+)\/requests/.exec(out)?.[1] ?? '';
	return { baseUrl: `http://127.0.0.1:${port}`, folder, child, controlUrl };
}

type StoredWorkflow = { id: string; nodes: Array<{ id: string; name: string }> };

/** The editor's REST API with the demo owner's session. */
async function restClient(baseUrl: string) {
	const login = await fetch(`${baseUrl}/rest/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ emailOrLdapLoginId: DEMO_LOGIN.email, password: DEMO_LOGIN.password }),
	});
	if (login.status !== 200) throw new Error(`login: ${login.status}`);
	const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]);
	const call = async <T>(method: string, urlPath: string, body?: unknown): Promise<T> => {
		const res = await fetch(`${baseUrl}${urlPath}`, {
			method,
			headers: { cookie: cookie.join('; '), 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const json = (await res.json()) as { data: T };
		if (res.status !== 200)
			throw new Error(`${method} ${urlPath}: ${res.status} ${JSON.stringify(json)}`);
		return json.data;
	};
	return { cookie, call };
}

/** A workflow for a picture no example shows (created over REST, like the editor's Save). */
function scratchWorkflow(name: string, nodes: Array<Record<string, unknown>>) {
	const connections: Record<string, unknown> = {};
	for (let i = 0; i + 1 < nodes.length; i++)
		connections[nodes[i].name as string] = {
			main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]],
		};
	return {
		name,
		nodes: nodes.map((node, i) => ({ id: `docs-${i}`, position: [i * 260, 0], ...node })),
		connections,
		settings: { executionOrder: 'v1' },
		active: false,
	};
}

const credentials = { ofAuthApi: { id: EXAMPLE_CREDENTIAL.id, name: EXAMPLE_CREDENTIAL.name } };
const manualTrigger = {
	name: 'When clicking ‘Execute workflow’',
	type: 'n8n-nodes-base.manualTrigger',
	typeVersion: 1,
	parameters: {},
};

async function settle(page: Page): Promise<void> {
	await page.waitForLoadState('networkidle').catch(() => undefined);
	await page.waitForTimeout(800);
	// first-visit popups (what's new, tours) would cover the picture
	for (let i = 0; i < 3; i++) await page.keyboard.press('Escape');
	await page.waitForTimeout(300);
}

/** Opens a node's panel the way a user does: a double click on it on the canvas. */
async function openNode(page: Page, name: string): Promise<void> {
	const node = page.locator(`[data-test-id="canvas-node"][data-node-name="${name}"]`);
	if (await node.count()) await node.first().dblclick();
	// the canvas pane may lie over a node's label: the double click goes to the label regardless
	else await page.getByText(name, { exact: true }).first().dblclick({ force: true });
	await page.waitForTimeout(1200);
}

async function shot(page: Page, file: string): Promise<void> {
	const target = path.join(DOCS, file);
	await page.screenshot({ path: target });
	const size = statSync(target).size;
	console.log(`[docs] ${file}: ${Math.round(size / 1024)} KB`);
	if (size > MAX_BYTES) throw new Error(`${file} is ${size} bytes, over ${MAX_BYTES}`);
}

async function main(): Promise<void> {
	mkdirSync(DOCS, { recursive: true });
	const demo = await startDemo();
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
		args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
	});
	try {
		const rest = await restClient(demo.baseUrl);
		const imported = JSON.parse(
			readFileSync(path.join(demo.folder, '.demo-examples.json'), 'utf8'),
		) as Record<string, { workflowId: string }>;
		const example = async (file: string) =>
			await rest.call<StoredWorkflow>('GET', `/rest/workflows/${imported[file].workflowId}`);
		const create = async (workflow: ReturnType<typeof scratchWorkflow>) =>
			await rest.call<StoredWorkflow>('POST', '/rest/workflows', workflow);

		const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
		await context.addCookies(
			rest.cookie.map((pair) => {
				const [name, ...value] = pair.split('=');
				return { name, value: value.join('='), url: demo.baseUrl };
			}),
		);
		const page = await context.newPage();
		page.setDefaultTimeout(10_000);
		const open = async (urlPath: string) => {
			await page.goto(`${demo.baseUrl}${urlPath}`);
			await settle(page);
		};

		// 1. what it does: a workflow that uploads a photo and sends it as a PPV
		const uploadAndPpv = await example('upload-and-send-ppv.json');
		await open(`/workflow/${uploadAndPpv.id}`);
		await shot(page, 'workflow.png');

		// 1b. the fans-and-lists examples, one picture each (README "Fans and user lists")
		for (const name of [
			'onlyfansapi-welcome-new-subscribers',
			'winback-expired-fans',
			'sort-fans-into-list-and-mass-message',
			'ppv-follow-up-non-buyers',
		]) {
			const workflow = await example(`${name}.json`);
			await open(`/workflow/${workflow.id}`);
			await shot(page, `example-${name}.png`);
		}

		// 2. the node creator, searching "PPV" in a workflow that has its trigger
		const empty = await create(scratchWorkflow('Docs: node search', [manualTrigger]));
		await open(`/workflow/${empty.id}`);
		await page
			.getByRole('button', { name: 'Got it' })
			.click()
			.catch(() => undefined);
		await page.keyboard.press('n'); // n8n 2.x opens the node panel with N
		await page.waitForTimeout(800);
		await page.keyboard.type('PPV', { delay: 60 });
		await page.waitForTimeout(1200);
		await shot(page, 'node-creator-ppv.png');

		// 3. a node panel per operation group
		const panels: Array<[string, string, string]> = [
			['upload-and-send-ppv.json', 'Send PPV', 'send-ppv.png'],
			['list-unread-chats.json', 'Unread chats', 'list-chats.png'],
			['weekly-ppv-to-vip-list.json', 'PPV to VIP list', 'mass-message.png'],
			['upload-and-send-ppv.json', 'Upload Media', 'upload-media.png'],
		];
		for (const [file, name, png] of panels) {
			await open(`/workflow/${(await example(file)).id}`);
			await openNode(page, name);
			await shot(page, png);
		}

		// 4. Simplify: a new Send PPV node, run, its output in the Table view
		const simplified = await create(
			scratchWorkflow('Docs: Send PPV, simplified output', [
				manualTrigger,
				{
					name: 'Send PPV',
					type: `${PACKAGE_NAME}.ofAuth`,
					typeVersion: 1.1,
					credentials,
					parameters: {
						resource: 'message',
						operation: 'sendPpv',
						fan: { __rl: true, mode: 'id', value: '100001' },
						price: 9.99,
						media: {
							items: [
								{ item: { __rl: true, mode: 'id', value: '5000001' } },
								{ item: { __rl: true, mode: 'id', value: '5000002' } },
							],
						},
						text: 'Something special for you',
					},
				},
			]),
		);
		await open(`/workflow/${simplified.id}`);
		await page.getByRole('button', { name: 'Execute workflow' }).last().click();
		await page.waitForTimeout(3000);
		await openNode(page, 'Send PPV');
		await page
			.getByText('Table', { exact: true })
			.last()
			.click()
			.catch(() => undefined);
		await page.waitForTimeout(800);
		await shot(page, 'simplified-output.png');

		// 5. the Connection picker, with an expired and an awaiting-2FA connection marked
		await open(`/workflow/${simplified.id}`); // a fresh panel, without the output
		await openNode(page, 'Send PPV');
		await page.getByPlaceholder('Select a connection...').first().click();
		await page.getByText(/conn_/).first().waitFor();
		await page.waitForTimeout(500);
		await shot(page, 'connection-picker.png');

		// 6. the webhook trigger's setup, and the credential dialog
		const trigger = await create(
			scratchWorkflow('Docs: OFAuth Trigger', [
				{
					name: 'OFAuth Trigger',
					type: `${PACKAGE_NAME}.ofAuthTrigger`,
					typeVersion: 1,
					credentials,
					parameters: { events: ['realtime.chat_message.received'] },
					webhookId: '3f1c9f0e-docs-4b9a-9d3e-000000000001',
				},
			]),
		);
		await open(`/workflow/${trigger.id}`);
		await openNode(page, 'OFAuth Trigger');
		// n8n shows the Webhook URLs collapsed: open them, as the setup instruction says
		const webhookUrls = page.getByText('Webhook URLs', { exact: true }).first();
		for (
			let i = 0;
			i < 3 && !(await page.getByText('Test URL', { exact: true }).first().isVisible());
			i++
		) {
			await webhookUrls.click();
			await page.waitForTimeout(600);
		}
		await shot(page, 'trigger-setup.png');

		await open('/home/credentials');
		await page.getByText(EXAMPLE_CREDENTIAL.name, { exact: true }).first().click();
		await page.waitForTimeout(1200);
		await shot(page, 'credential.png');
		await open('/home/credentials');
		await page.getByText(EXAMPLE_ONLYFANSAPI_CREDENTIAL.name, { exact: true }).first().click();
		await page.waitForTimeout(1200);
		await shot(page, 'onlyfansapi-credential.png');

		// the OnlyFansAPI.com node's Account picker (acct_... IDs)
		const ofapiSend = await create(
			scratchWorkflow('Docs: OnlyFansAPI.com Send PPV', [
				manualTrigger,
				{
					name: 'Send PPV',
					type: `${ONLYFANSAPI_PACKAGE_NAME}.onlyFansApi`,
					typeVersion: 1.3,
					credentials: {
						onlyFansApiMessagingApi: {
							id: EXAMPLE_ONLYFANSAPI_CREDENTIAL.id,
							name: EXAMPLE_ONLYFANSAPI_CREDENTIAL.name,
						},
					},
					parameters: { resource: 'message', operation: 'sendPpv' },
				},
			]),
		);
		await open(`/workflow/${ofapiSend.id}`);
		await openNode(page, 'Send PPV');
		await page.getByPlaceholder('Select an account...').first().click();
		await page.getByText(/acct_/).first().waitFor();
		await page.waitForTimeout(500);
		await shot(page, 'onlyfansapi-account-picker.png');

		// 7. the OnlyFansAPI.com package: found by its name in the node panel
		const search = await create(scratchWorkflow('Docs: OnlyFansAPI.com search', [manualTrigger]));
		await open(`/workflow/${search.id}`);
		await page.keyboard.press('n');
		await page.waitForTimeout(800);
		await page.keyboard.type('OnlyFansAPI', { delay: 60 });
		await page.waitForTimeout(1200);
		await shot(page, 'onlyfansapi-node-creator.png');

		// 8. its trigger added from the panel as "On message received": the event shown is the one registered
		const blank = await rest.call<StoredWorkflow>('POST', '/rest/workflows', {
			name: 'Docs: OnlyFansAPI.com trigger from the panel',
			nodes: [],
			connections: {},
			settings: { executionOrder: 'v1' },
			active: false,
		});
		await open(`/workflow/${blank.id}`);
		await page.keyboard.press('n');
		await page.waitForTimeout(800);
		await page.keyboard.type('OnlyFansAPI', { delay: 60 });
		await page.waitForTimeout(1000);
		await page.keyboard.press('Enter'); // the OnlyFansAPI.com entry: its actions and triggers
		await page.waitForTimeout(1000);
		await page
			.getByText(/^On message received$/i)
			.first()
			.click();
		await page.waitForTimeout(2000);
		await shot(page, 'onlyfansapi-trigger-from-panel.png');
		await page.keyboard.press('Escape');
		await page.keyboard.press('Control+s');
		await page.waitForTimeout(1500);
		const saved = await rest.call<{
			nodes: Array<{ type: string; parameters: Record<string, unknown> }>;
		}>('GET', `/rest/workflows/${blank.id}`);
		const triggerNode = saved.nodes.find(
			(node) => node.type === `${ONLYFANSAPI_PACKAGE_NAME}.onlyFansApiTrigger`,
		);
		console.log(
			`[docs] trigger added from the panel, saved with events: ${JSON.stringify(triggerNode?.parameters.events)}`,
		);
		if (JSON.stringify(triggerNode?.parameters.events) !== '["messages.received"]')
			throw new Error('the trigger picked as "On message received" was not saved with that event');
		// publishing registers the webhook with the service: the simulator saw exactly that event
		const current = await rest.call<{ versionId: string }>('GET', `/rest/workflows/${blank.id}`);
		await rest.call('POST', `/rest/workflows/${blank.id}/activate`, {
			versionId: current.versionId,
		});
		// n8n registers the webhooks of a published workflow in the background: wait for the POST
		type Seen = { requests: Array<{ method: string; path: string; body: { events?: string[] } }> };
		let registrations: Seen['requests'] = [];
		for (let i = 0; i < 60 && registrations.length === 0; i++) {
			await page.waitForTimeout(500);
			const seen = (await (await fetch(`${demo.controlUrl}/requests`)).json()) as Seen;
			registrations = seen.requests.filter(
				(request) => request.method === 'POST' && request.path === '/api/webhooks',
			);
		}
		console.log(
			`[docs] publishing registered: ${JSON.stringify(registrations.map((request) => request.body.events))}`,
		);
		if (
			JSON.stringify(registrations.map((request) => request.body.events)) !==
			'[["messages.received"]]'
		)
			throw new Error('publishing did not register exactly the event picked in the panel');
	} finally {
		await browser.close();
		// the demo stops its n8n (its own process group) on SIGTERM: wait for that before removing its folder
		const exited = new Promise((resolve) => demo.child.once('exit', resolve));
		demo.child.kill('SIGTERM');
		await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 30_000))]);
		rmSync(demo.folder, { recursive: true, force: true });
	}
}

main().catch((error: Error) => {
	console.error(error);
	process.exitCode = 1;
});
