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
import { McpClient, type McpTool } from './mcpClient';
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

let sim: OfAuthSimulator;
let n8n: RealN8n;
let server: RunningN8n;
let mcpUrl: string;
let client: McpClient;
let tools: McpTool[];

const example = JSON.parse(
	readFileSync(path.join(REPO_ROOT, 'examples', 'mcp-inbox-server.json'), 'utf8'),
) as WorkflowJson;

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
	await n8n.importWorkflows([{ ...example, id: WORKFLOW_ID }]);
	await n8n.publish(WORKFLOW_ID);
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

test('tools/list shows the four tools with what they do and a schema a model fills', () => {
	expect(tools.map((t) => t.name).sort()).toEqual(
		['Get_messages', 'List_chats', 'Send_PPV', 'Send_message'].sort(),
	);
	const tool = (name: string) => tools.find((t) => t.name === name)!;
	// the Tool Description of each operation, written for a model
	expect(tool('Send_message').description).toMatch(
		/^Sends a free private message to one OnlyFans fan/,
	);
	expect(tool('Send_PPV').description).toMatch(/from 3 to 200/);
	expect(tool('List_chats').description).toMatch(/Reads only; sends nothing/);
	// the $fromAI() fields, with their types and descriptions
	const properties = (name: string) => tool(name).inputSchema.properties ?? {};
	expect(Object.keys(properties('Send_PPV')).sort()).toEqual(
		['fanId', 'mediaIds', 'previewCount', 'price', 'teaser'].sort(),
	);
	expect(properties('Send_PPV').price).toMatchObject({
		type: 'number',
		description: expect.stringMatching(/3 to 200/),
	});
	expect(properties('Send_message').fanId).toMatchObject({
		type: 'string',
		description: expect.stringMatching(/numeric OnlyFans user ID/),
	});
	expect(tool('Send_message').inputSchema.required?.sort()).toEqual(['fanId', 'text']);
	process.stdout.write(
		`[mcp] tools/list as the client received it:\n${JSON.stringify(tools, null, 2)}\n`,
	);
});

test('a call with valid arguments sends exactly one message, as the simulator expects', async () => {
	const result = await client.callTool('Send_message', {
		fanId: String(FIRST_FAN_ID),
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
	const messages = await client.callTool('Get_messages', {
		fanId: String(listed[0].fanId),
		limit: 5,
	});
	expect(messages.isError).toBeFalsy();
	expect(sim.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
		'GET /v2/access/chats',
		`GET /v2/access/chats/${listed[0].fanId}/messages`,
	]);
});

test("a PPV priced at 500 USD is refused with the field's name and the fix; nothing is sent", async () => {
	const result = await client.callTool('Send_PPV', {
		fanId: String(FIRST_FAN_ID),
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

test('a fan ID in words is refused with the field named; nothing is sent', async () => {
	const result = await client.callTool('Send_message', { fanId: 'Jessica', text: 'Hi!' });
	expect(textOf(result)).toMatch(
		/Invalid "Fan" on item 0: must be an OnlyFans user ID made of digits \(e\.g\. 123456\), or a chat URL like https:\/\/onlyfans\.com\/my\/chats\/chat\/123456\/ \(checked 1 item: nothing was sent\)/,
	);
	expect(posts()).toEqual([]);
});

test('the API key never appears in anything the client received', () => {
	const everything = client.received.join('\n');
	expect(everything.length).toBeGreaterThan(0);
	expect(everything).not.toContain(sim.apiKey);
});
