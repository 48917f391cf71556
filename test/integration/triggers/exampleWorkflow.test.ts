import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { INodeParameters } from 'n8n-workflow';

import { PACKAGE, runWorkflow, simulatorCredentials, useSimulator } from '../../harness';
import '../../harness/runPoll';

interface ExampleNode {
	name: string;
	type: string;
	parameters: INodeParameters;
}

const example = JSON.parse(
	readFileSync(
		path.join(__dirname, '..', '..', '..', 'examples', 'new-subscriber-welcome.json'),
		'utf8',
	),
) as {
	nodes: ExampleNode[];
	connections: Record<string, { main: Array<Array<{ node: string }>> }>;
};

describe('examples/new-subscriber-welcome.json through n8n-core (manual run: "Fetch Test Event" then the send)', () => {
	const sim = useSimulator();

	test('the poll trigger hands the newest subscriber to Send Message, which greets that fan by name', async () => {
		const trigger = example.nodes.find((node) => node.type === `${PACKAGE}.ofAuthPollTrigger`)!;
		const sendName = example.connections[trigger.name].main[0][0].node;
		const send = example.nodes.find((node) => node.name === sendName)!;
		const ava = sim().simulate.newSubscriber('Ava');

		const result = await runWorkflow({
			credentials: simulatorCredentials(sim()),
			steps: [trigger, send].map((node) => ({
				name: node.name,
				type: node.type.slice(PACKAGE.length + 1),
				parameters: node.parameters,
			})),
		});

		expect(result.error).toBeUndefined();
		expect(result.output(trigger.name).map((item) => item.json.id)).toEqual([ava.id]);
		const posts = sim().requests.filter((request) => request.method === 'POST');
		expect(posts.map((request) => [request.path, request.body])).toEqual([
			[
				`/v2/access/chats/${ava.id}/messages`,
				expect.objectContaining({ text: 'Hey Ava, thanks for subscribing!' }),
			],
		]);
		expect(sim().messagesSentTo(ava.id)).toBe(1);
	});
});
