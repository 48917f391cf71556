import { Workflow } from 'n8n-workflow';

import { operationOptionsByResource } from '../../nodes/OfAuth/actions';
import { OfAuth } from '../../nodes/OfAuth/OfAuth.node';

/** "Send a PPV message" -> "Send PPV message": the subtitle names the action without articles. */
const shortAction = (action: string) =>
	action.replace(/\b(a|an|the) /gi, '').replace(/^./, (first) => first.toUpperCase());

describe('the OFAuth node on the canvas', () => {
	const description = new OfAuth().description;
	const subtitle = String(description.subtitle);
	// the subtitle is an expression over an object literal: evaluate that literal
	const names = JSON.parse(
		subtitle.slice(subtitle.indexOf('{', 3), subtitle.lastIndexOf('}[') + 1),
	) as Record<string, string>;

	it('has a subtitle for every operation, named after its action, and nothing else', () => {
		const expected: Record<string, string> = {};
		for (const [resource, options] of Object.entries(operationOptionsByResource)) {
			for (const option of options)
				expected[`${resource}:${String(option.value)}`] = shortAction(option.action ?? option.name);
		}
		expect(names).toEqual(expected);
		expect(names['message:sendPpv']).toBe('Send PPV message');
		expect(names['chat:getMany']).toBe('List chats');
	});

	it('evaluates to the name in a workflow, never to internal values', () => {
		const workflow = new Workflow({
			nodes: [
				{
					id: '1',
					name: 'OFAuth',
					type: 'ofAuth',
					typeVersion: 1.1,
					position: [0, 0],
					parameters: { resource: 'message', operation: 'sendPpv' },
				},
			],
			connections: {},
			active: false,
			nodeTypes: {
				getByName: () => new OfAuth(),
				getByNameAndVersion: () => new OfAuth(),
				getKnownTypes: () => ({}),
			},
		});
		const value = workflow.expression.getSimpleParameterValue(
			workflow.nodes.OFAuth,
			subtitle,
			'manual',
			{},
		);
		expect(value).toBe('Send PPV message');
	});
});
