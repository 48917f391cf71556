/**
 * What each example workflow (examples/<name>.json) must do when it runs in a real n8n against
 * the simulator. test/e2e/examples.test.ts runs EVERY examples/*.json and fails when an example
 * has no entry here (or an entry has no example).
 *
 * To add an example: save the workflow as examples/<name>.json (its OFAuth nodes use the
 * credential { "id": "ofauthAccount001", "name": "OFAuth account" }; see examples/README.md),
 * then add `'<name>': { ... }` below. Each example runs against its own fresh simulator (seed 1),
 * so `requests` is the complete list of API calls that run makes, in order.
 */
import type { OfAuthSimulator, RecordedRequest, SimulatorOptions } from '../simulator';
import { fansExampleExpectations } from './examples.fans';
import { messagingExampleExpectations } from './examples.messaging';
import { uploadExampleExpectations } from './examples.upload';
import type { ExecuteResult, NodeItem, RunningN8n, WorkflowJson } from './realN8n';

export interface ExpectedRequest {
	method: string;
	/** decoded path, e.g. /v2/access/chats */
	path: string;
	/** compared with toMatchObject: list only the fields that matter (values are strings) */
	query?: Record<string, unknown>;
	/** compared with toMatchObject */
	body?: unknown;
	headers?: Record<string, unknown>;
}

export interface ExampleContext {
	sim: OfAuthSimulator;
	workflow: WorkflowJson;
	/** the finished run (from `n8n execute`, or from the REST API for webhook examples) */
	result: ExecuteResult;
	/** items of a node's first output */
	output(nodeName: string): NodeItem[];
	/** the API calls the simulator received during this run */
	requests: RecordedRequest[];
}

export interface WebhookStartContext {
	sim: OfAuthSimulator;
	n8n: RunningN8n;
	workflow: WorkflowJson;
	/** production URL of a webhook node: `<n8n>/webhook/<node.webhookId>/<webhookPath>` (webhookPath: the node's webhook `path`, e.g. 'webhook') */
	webhookUrl(nodeName: string, webhookPath?: string): string;
}

export interface ExampleExpectation {
	/** simulator options for this example (default: seed 1) */
	simulator?: SimulatorOptions;
	/** change the simulator before the run (e.g. sim.simulate.incomingMessage(...)) */
	before?: (sim: OfAuthSimulator) => void | Promise<void>;
	/**
	 * How the workflow starts.
	 * - 'manual' (default): it starts with a Manual Trigger and runs with `n8n execute --id`.
	 * - 'webhook': it is published and served by `n8n start`; `fire` sends the event, e.g.
	 *   `sim.deliverWebhook(ctx.webhookUrl('OFAuth Trigger'), event, { scheme, secret })`.
	 * - 'poll': it is published and `n8n start` polls on its schedule (n8n's shortest is every
	 *   minute, so this waits up to ~60 s); `fire` changes the simulator after n8n's activation
	 *   poll, e.g. `ctx.sim.simulate.newSubscriber('Ava')`.
	 * The run checked is the newest one after `executions` (default 1) finished runs.
	 */
	start?:
		| { type: 'manual' }
		/**
		 * Not run here, only imported: every node type and version must be known to this n8n.
		 * `why` says what it needs (e.g. a chat model credential) or which test runs it.
		 */
		| { type: 'importOnly'; why: string }
		| {
				type: 'webhook' | 'poll';
				fire?(ctx: WebhookStartContext): Promise<void> | void;
				executions?: number;
				timeoutMs?: number;
		  };
	/** the run must succeed (default) or fail with an error message matching this */
	fails?: RegExp;
	/** exactly these requests in this order (each compared with toMatchObject) */
	requests: ExpectedRequest[] | ((sim: OfAuthSimulator) => ExpectedRequest[]);
	/** further assertions (use jest's expect) */
	check?: (ctx: ExampleContext) => void | Promise<void>;
}

export const exampleExpectations: Record<string, ExampleExpectation> = {
	'ai-chatter-agent': {
		start: {
			type: 'importOnly',
			why: 'an AI Agent needs a chat model credential (OpenAI) to run; its OFAuth tools are run by test/e2e/mcpServer.test.ts',
		},
		requests: [],
	},
	'mcp-inbox-server': {
		start: {
			type: 'importOnly',
			why: 'test/e2e/mcpServer.test.ts publishes this very file and calls its tools as an MCP client',
		},
		requests: [],
	},
	...messagingExampleExpectations,
	...fansExampleExpectations,
	...uploadExampleExpectations,
	'list-unread-chats': {
		requests: [
			{
				method: 'GET',
				path: '/v2/access/chats',
				query: { filter: 'unread', order: 'recent', offset: '0', limit: '20' },
				headers: { 'x-connection-id': 'conn_sim_active' },
			},
		],
		check: ({ sim, output }) => {
			const items = output('Unread chats');
			const unread = sim.state.chats.filter((c) => c.unreadMessagesCount > 0);
			expect(items).toHaveLength(Math.min(20, unread.length));
			expect(items.length).toBeGreaterThan(0);
			for (const item of items) {
				expect(Object.keys(item.json).sort()).toEqual(
					['fanId', 'lastMessageAt', 'lastMessageText', 'name', 'unreadCount', 'username'].sort(),
				);
				expect(item.json.unreadCount).toBeGreaterThan(0);
				expect(item.pairedItem).toEqual({ item: 0 });
			}
			const chat = sim.state.chats.find((c) => c.withUserId === items[0].json.fanId);
			expect(items[0].json.unreadCount).toBe(chat?.unreadMessagesCount);
		},
	},
	'weekly-ppv-to-vip-list': {
		// n8n execute starts at the Manual Trigger, which feeds the same node as the weekly Schedule Trigger
		requests: [
			{
				method: 'POST',
				path: '/v2/access/mass-messages',
				headers: { 'x-connection-id': 'conn_sim_active' },
				body: { userLists: [1001], price: 14.99, previewMediaCount: 1 },
			},
		],
		check: ({ sim, output, requests }) => {
			expect(requests[0].body).toEqual({
				text: "This week's exclusive set is here, just for my VIPs 💎\nUnlock it before Sunday!",
				isMarkdown: true,
				mediaItems: [5000001, 5000002, 5000003],
				price: 14.99,
				previewMediaCount: 1,
				userLists: [1001],
			});
			const items = output('PPV to VIP list');
			expect(items).toHaveLength(1);
			const vip = sim.state.userLists.find((list) => list.id === 1001)!;
			const created = sim.state.massMessages[sim.state.massMessages.length - 1];
			expect(items[0].json).toMatchObject({
				id: created.id,
				total: vip.userIds.length,
				price: 14.99,
				isFree: false,
				mediaCount: 3,
			});
			expect(items[0].json.previews).toEqual([5000001]);
			expect(items[0].pairedItem).toEqual({ item: 0 });
		},
	},
	'new-subscriber-welcome': {
		// published: n8n's activation poll remembers who already subscribed, Ava subscribes after
		// it, the next scheduled poll (every minute) starts one run that welcomes her by name
		start: {
			type: 'poll',
			fire: ({ sim }) => {
				sim.simulate.newSubscriber('Ava Quinn');
			},
		},
		requests: (sim) => {
			const ava = sim.state.fans.find((fan) => fan.name === 'Ava Quinn')!;
			return [
				{
					method: 'GET',
					path: '/v2/access/subscribers',
					query: { type: 'latest', latestType: 'new' },
				},
				{
					method: 'POST',
					path: `/v2/access/chats/${ava.id}/messages`,
					body: { text: 'Hey Ava Quinn, thanks for subscribing!' },
					headers: { 'x-connection-id': 'conn_sim_active' },
				},
			];
		},
		check: ({ sim, output }) => {
			const ava = sim.state.fans.find((fan) => fan.name === 'Ava Quinn')!;
			expect(output('New subscriber').map((item) => item.json.id)).toEqual([ava.id]);
			expect(
				output('Send welcome message').map((item) => [item.json.text, item.pairedItem]),
			).toEqual([['Hey Ava Quinn, thanks for subscribing!', { item: 0 }]]);
			expect(sim.messagesSentTo(ava.id)).toBe(1);
		},
	},
};
