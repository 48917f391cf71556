/**
 * The OFAuth node as tools of n8n's MCP Server Trigger, in a real n8n 2.41.1: the example
 * workflow examples/mcp-inbox-server.json is published as it is, and this test acts as an outside
 * agent (an MCP client over Streamable HTTP): initialize, tools/list, tools/call. No language
 * model is involved: the client sends exactly the arguments a model would.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { FIRST_FAN_ID, startSimulator, type OfAuthSimulator } from '../simulator';
import { McpClient, type McpTool, type McpToolResult } from './mcpClient';
import {
	EXAMPLE_CREDENTIAL,
	REPO_ROOT,
	RealN8n,
	simulatorCredential,
	type RunningN8n,
	type WorkflowJson,
} from './realN8n';

const TOKEN = randomBytes(24).toString('hex');
const WORKFLOW_ID = 'e2eMcpInbox';
const DRY_RUN_WORKFLOW_ID = 'e2eMcpInboxDryRun';
const AGENT_DEFAULTS_WORKFLOW_ID = 'e2eMcpInboxDefaults';

let sim: OfAuthSimulator;
let n8n: RealN8n;
let server: RunningN8n;
let mcpUrl: string;
let client: McpClient;
let dryRunClient: McpClient;
let defaultsClient: McpClient;
let tools: McpTool[];

const example = JSON.parse(
	readFileSync(path.join(REPO_ROOT, 'examples', 'mcp-inbox-server.json'), 'utf8'),
) as WorkflowJson;

/** A copy of the example whose MCP Server Trigger serves at its own path. */
function servedAt(workflow: WorkflowJson, path: string, webhookId: string): WorkflowJson {
	const copy = JSON.parse(JSON.stringify(workflow)) as WorkflowJson;
	const trigger = copy.nodes.find((node) => node.type.endsWith('.mcpTrigger'))!;
	trigger.parameters.path = path;
	trigger.webhookId = webhookId;
	return copy;
}

/**
 * The example with every sending tool in dry-run mode, served at its own path: what an operator
 * rehearses with before letting an agent send.
 */
function dryRunCopy(workflow: WorkflowJson): WorkflowJson {
	const copy = servedAt(workflow, 'ofauth-inbox-dry-run', '0d7c1e55-2b8f-4a90-9c3d-7e1f5a2b6c90');
	for (const node of copy.nodes) {
		const guards = node.parameters.guards as Record<string, unknown> | undefined;
		if (guards) node.parameters.guards = { ...guards, dryRun: true };
	}
	return { ...copy, id: DRY_RUN_WORKFLOW_ID, name: `${copy.name} (dry run)` };
}

/**
 * The example as an operator might drop it in without opening Guards: every tool node of version
 * 1.3 with no guards at all, and the mass-message tool also taking fan IDs from the model.
 */
function withoutGuards(workflow: WorkflowJson): WorkflowJson {
	const copy = servedAt(workflow, 'ofauth-inbox-defaults', '5a1e2c3d-4b5f-4a6e-8c7d-9e0f1a2b3c4d');
	for (const node of copy.nodes) {
		if (!node.type.endsWith('.ofAuthTool')) continue;
		node.typeVersion = 1.3;
		delete node.parameters.guards;
		if (node.parameters.operation === 'create')
			node.parameters.userIds = "={{ $fromAI('fanIds', `Fan IDs, comma-separated`, 'string') }}";
	}
	return { ...copy, id: AGENT_DEFAULTS_WORKFLOW_ID, name: `${copy.name} (no guards)` };
}

const posts = () => sim.requests.filter((r) => r.method === 'POST');
const textOf = (result: { content: Array<{ text?: string }> }) =>
	result.content.map((c) => c.text ?? '').join('\n');

beforeAll(async () => {
	sim = await startSimulator({ seed: 1 });
	n8n = await RealN8n.create('mcp');
	await n8n.importCredentials([
		simulatorCredential(sim, EXAMPLE_CREDENTIAL.id, EXAMPLE_CREDENTIAL.name),
		{
			id: 'mcpClientToken01',
			name: 'MCP client token',
			type: 'httpBearerAuth',
			data: { token: TOKEN },
		},
	]);
	await n8n.importWorkflows([
		{ ...example, id: WORKFLOW_ID },
		dryRunCopy(example),
		withoutGuards(example),
	]);
	await n8n.publish(WORKFLOW_ID);
	await n8n.publish(DRY_RUN_WORKFLOW_ID);
	await n8n.publish(AGENT_DEFAULTS_WORKFLOW_ID);
	server = await n8n.start();
	await server.login();
	const trigger = example.nodes.find((node) => node.type.endsWith('.mcpTrigger'))!;
	mcpUrl = `${server.baseUrl}/mcp/${String(trigger.parameters.path)}`;
	// the published trigger may register a moment after the editor is up: until then 404
	for (let attempt = 0; ; attempt++) {
		const probe = await fetch(mcpUrl, { method: 'POST', body: '{}' });
		await probe.text();
		if (probe.status !== 404) break;
		if (attempt >= 60) throw new Error(`MCP trigger not registered at ${mcpUrl}`);
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	client = new McpClient(mcpUrl, { authorization: `Bearer ${TOKEN}` });
	await client.initialize();
	tools = await client.listTools();
	dryRunClient = new McpClient(mcpUrl.replace(/ofauth-inbox$/, 'ofauth-inbox-dry-run'), {
		authorization: `Bearer ${TOKEN}`,
	});
	await dryRunClient.initialize();
	defaultsClient = new McpClient(mcpUrl.replace(/ofauth-inbox$/, 'ofauth-inbox-defaults'), {
		authorization: `Bearer ${TOKEN}`,
	});
	await defaultsClient.initialize();
}, 300_000);

afterAll(async () => {
	await n8n?.dispose();
	await sim?.close();
});

beforeEach(() => sim.clearRequests());

test('without the bearer token the server refuses the client and nothing runs', async () => {
	const stranger = new McpClient(mcpUrl);
	await expect(stranger.initialize()).rejects.toThrow();
	expect(sim.requests).toEqual([]);
});

test('tools/list shows the six tools, each describing only the arguments it takes and the limits it enforces', () => {
	expect(tools.map((t) => t.name).sort()).toEqual(
		[
			'Get_messages',
			'Get_user_lists',
			'List_chats',
			'Send_PPV',
			'Send_mass_message',
			'Send_message',
		].sort(),
	);
	const tool = (name: string) => tools.find((t) => t.name === name)!;
	const properties = (name: string) => Object.keys(tool(name).inputSchema.properties ?? {}).sort();
	// Send message: fan and text only, so no media, no reply-to; its guard is stated
	expect(properties('Send_message')).toEqual(['fanId', 'text']);
	expect(tool('Send_message').description).toMatch(
		/^Sends a free private message to one OnlyFans fan, at once\. Fan: .* Text: /,
	);
	expect(tool('Send_message').description).not.toMatch(/Media:|Reply To:|schedul/);
	expect(tool('Send_message').description).toContain(
		'The same message again within 60 minutes is not sent',
	);
	// Send PPV: the price is the model's, under the operator's ceiling
	expect(properties('Send_PPV')).toEqual(['fanId', 'mediaIds', 'previewCount', 'price', 'teaser']);
	expect(tool('Send_PPV').description).toMatch(/Price: what the fan pays to unlock, in USD/);
	expect(tool('Send_PPV').description).toContain(
		'The operator allows at most 50 USD: a higher price is refused.',
	);
	// Send mass message: lists and text only; it cannot schedule, price or attach media
	expect(properties('Send_mass_message')).toEqual(['lists', 'text']);
	const mass = tool('Send_mass_message').description;
	expect(mass).toContain('It is sent at once: this tool cannot schedule it for later.');
	expect(mass).toContain('It is free: this tool cannot set a price.');
	expect(mass).toContain('It is refused when it could reach more than 100 fans.');
	expect(mass).not.toMatch(/Media:|Exclude User Lists:|Fan IDs:|Scheduled Date:/);
	expect(tool('Get_user_lists').description).toMatch(/^Lists the creator's user lists/);
	expect(tool('List_chats').description).toMatch(/Reads only; sends nothing/);
	// fan IDs are numbers, as List chats gives them
	expect(tool('Send_message').inputSchema.properties?.fanId).toMatchObject({ type: 'number' });
	expect(tool('Send_message').inputSchema.required?.sort()).toEqual(['fanId', 'text']);
	process.stdout.write(
		`[mcp] tools/list as the client received it:\n${JSON.stringify(tools, null, 2)}\n`,
	);
});

test('a call with valid arguments sends exactly one message, as the simulator expects', async () => {
	const result = await client.callTool('Send_message', {
		fanId: FIRST_FAN_ID,
		text: 'Hey, thanks for writing! 💕',
	});
	expect(result.isError).toBeFalsy();
	expect(posts().map((r) => ({ path: r.path, body: r.body }))).toEqual([
		{
			path: `/v2/access/chats/${FIRST_FAN_ID}/messages`,
			body: expect.objectContaining({ text: 'Hey, thanks for writing! 💕' }),
		},
	]);
	expect(posts()[0].headers).toMatchObject({ 'x-connection-id': sim.connectionId });
	expect(textOf(result)).toContain(String(FIRST_FAN_ID));
});

test('reading tools answer with the data: list chats, then the messages of one', async () => {
	const chats = await client.callTool('List_chats', { limit: 3, show: 'all' });
	expect(chats.isError).toBeFalsy();
	const listed = JSON.parse(textOf(chats)) as Array<{ fanId: number }>;
	expect(listed).toHaveLength(3);
	const messages = await client.callTool('Get_messages', { fanId: listed[0].fanId, limit: 5 });
	expect(messages.isError).toBeFalsy();
	expect(sim.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
		'GET /v2/access/chats',
		`GET /v2/access/chats/${listed[0].fanId}/messages`,
	]);
});

test("a PPV priced at 500 USD is refused with the field's name and the fix; nothing is sent", async () => {
	const result = await client.callTool('Send_PPV', {
		fanId: FIRST_FAN_ID,
		price: 500,
		previewCount: 0,
		teaser: 'Something special',
		mediaIds: '5000001',
	});
	expect(textOf(result)).toMatch(/Invalid "Price \(USD\)" on item 0: must be from 3 to 200 USD/);
	expect(posts()).toEqual([]);
	process.stdout.write(
		`[mcp] refused call (price 500), as the client received it:\n${JSON.stringify(result, null, 2)}\n`,
	);
});

test('a fan ID in words is refused before the node runs; nothing is sent', async () => {
	const result = await client.callTool('Send_message', { fanId: 'Jessica', text: 'Hi!' });
	expect(result.isError).toBe(true);
	expect(textOf(result)).toMatch(/fanId/);
	expect(posts()).toEqual([]);
});

test('a fan ID copied as it is from List chats into Send message reaches that fan', async () => {
	const chats = await client.callTool('List_chats', { limit: 2, show: 'all' });
	const [first] = JSON.parse(textOf(chats)) as Array<{ fanId: unknown }>;
	expect(typeof first.fanId).toBe('number');
	const sent = await client.callTool('Send_message', {
		fanId: first.fanId,
		text: 'Copied straight from the chat list',
	});
	expect(sent.isError).toBeFalsy();
	expect(posts().map((r) => r.path)).toEqual([`/v2/access/chats/${String(first.fanId)}/messages`]);
});

/** A refusal as the client received it: printed for the closing note, and nothing sent. */
function expectRefused(label: string, result: McpToolResult, message: RegExp) {
	expect(textOf(result)).toMatch(message);
	expect(posts()).toEqual([]);
	process.stdout.write(
		`[mcp] ${label}, as the client received it:\n${JSON.stringify(result, null, 2)}\n`,
	);
}

test('guard: a broadcast to all fans is refused; nothing is sent', async () => {
	const result = await client.callTool('Send_mass_message', {
		lists: 'fans',
		text: 'Huge sale tonight!',
	});
	expectRefused(
		'broadcast to all fans refused',
		result,
		/Refused by the guard "Allow Whole-Audience Lists" on item 0: the audience includes "fans", a list of the whole audience, which is not allowed\. Nothing was sent/,
	);
});

test("guard: a PPV above the operator's ceiling is refused; nothing is sent", async () => {
	const result = await client.callTool('Send_PPV', {
		fanId: FIRST_FAN_ID,
		price: 120,
		previewCount: 0,
		teaser: 'Something special',
		mediaIds: '5000001',
	});
	expectRefused(
		'PPV of 120 USD refused',
		result,
		/Refused by the guard "Max Price \(USD\)" on item 0: the price 120 USD is above the ceiling of 50 USD\. Nothing was sent/,
	);
});

test('tool nodes of version 1.3 with no Guards hold the agent to the defaults: a 200 USD PPV and a 600-fan mass message are refused, and the tools say so', async () => {
	const listed = await defaultsClient.listTools();
	const ppvTool = listed.find((tool) => tool.name === 'Send_PPV')!;
	expect(ppvTool.description).toContain('At most 50 USD: a higher price is refused');
	const massTool = listed.find((tool) => tool.name === 'Send_mass_message')!;
	expect(massTool.description).toContain('It is refused when it could reach more than 500 fans');
	const ppv = await defaultsClient.callTool('Send_PPV', {
		fanId: FIRST_FAN_ID,
		price: 200,
		previewCount: 0,
		teaser: 'Something special',
		mediaIds: '5000001',
	});
	expectRefused(
		'200 USD PPV refused by the agent default',
		ppv,
		/Refused by the guard "Max Price \(USD\)" on item 0: the price 200 USD is above the ceiling of 50 USD\. Nothing was sent/,
	);
	const fanIds = Array.from({ length: 600 }, (_, index) => String(200001 + index)).join(',');
	const mass = await defaultsClient.callTool('Send_mass_message', {
		lists: '',
		fanIds,
		text: 'Huge sale tonight!',
	});
	expectRefused(
		'600-fan mass message refused by the agent default',
		mass,
		/Refused by the guard "Max Recipients" on item 0: it could reach up to 600 fans, more than the 500 allowed\. Nothing was sent/,
	);
});

test('guard: a repeated broadcast is refused; the first one went out once', async () => {
	const lists = await client.callTool('Get_user_lists', {});
	const known = JSON.parse(textOf(lists)) as Array<{
		id: unknown;
		name: string;
		usersCount: number;
		builtIn: boolean;
	}>;
	const small = known.find(
		(list) => !list.builtIn && list.usersCount > 0 && list.usersCount <= 100,
	)!;
	expect(small).toBeDefined();
	sim.clearRequests();
	const first = await client.callTool('Send_mass_message', {
		lists: small.name,
		text: 'VIP night 🎉',
	});
	expect(first.isError).toBeFalsy();
	expect(posts()).toHaveLength(1);
	sim.clearRequests();
	const again = await client.callTool('Send_mass_message', {
		lists: small.name,
		text: 'VIP night 🎉',
	});
	expectRefused(
		'repeated broadcast refused',
		again,
		/Refused by the guard "Duplicate Protection \(Minutes\)" on item 0: the same mass message \(\d+\) was sent \d+ minutes? ago, within the 60-minute window\. Nothing was sent/,
	);
});

test('guard: the same message to the same fan again is skipped, and the answer says why', async () => {
	const args = { fanId: FIRST_FAN_ID + 3, text: 'Did you see my last post?' };
	const first = await client.callTool('Send_message', args);
	expect(first.isError).toBeFalsy();
	expect(posts()).toHaveLength(1);
	sim.clearRequests();
	const again = await client.callTool('Send_message', args);
	expect(again.isError).toBeFalsy();
	expect(JSON.parse(textOf(again))).toEqual([
		expect.objectContaining({
			skipped: true,
			sent: false,
			guard: 'Duplicate Protection (Minutes)',
			reason: expect.stringMatching(/^the same message went to fan \d+ \d+ minutes? ago/),
		}),
	]);
	expect(posts()).toEqual([]);
	process.stdout.write(
		`[mcp] duplicate send skipped, as the client received it:\n${JSON.stringify(again, null, 2)}\n`,
	);
});

test('dry run: the tools answer with the exact request bodies and send nothing', async () => {
	const ppv = await dryRunClient.callTool('Send_PPV', {
		fanId: FIRST_FAN_ID,
		price: 19.99,
		previewCount: 1,
		teaser: 'A rehearsal',
		mediaIds: '5000001',
	});
	const mass = await dryRunClient.callTool('Send_mass_message', {
		lists: 'fans',
		text: 'not allowed even in a rehearsal',
	});
	expect(posts()).toEqual([]);
	expect(JSON.parse(textOf(ppv))).toMatchObject([
		{
			dryRun: true,
			sent: false,
			request: {
				method: 'POST',
				url: `${sim.baseUrl}/v2/access/chats/${FIRST_FAN_ID}/messages`,
				body: {
					text: 'A rehearsal',
					isMarkdown: true,
					price: 19.99,
					mediaItems: [5000001],
					previewMediaCount: 1,
				},
			},
		},
	]);
	// a dry run applies the guards too
	expect(textOf(mass)).toMatch(/Refused by the guard "Allow Whole-Audience Lists"/);
	process.stdout.write(
		`[mcp] dry run of Send PPV, as the client received it:\n${JSON.stringify(ppv, null, 2)}\n`,
	);
});

test('the API key never appears in anything the client received', () => {
	const everything = client.received.join('\n');
	expect(everything.length).toBeGreaterThan(0);
	expect(everything).not.toContain(sim.apiKey);
});
