import type { INode, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeHelpers, Workflow } from 'n8n-workflow';

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

describe('the OFAuth node as an AI tool (n8n builds "ofAuthTool" from usableAsTool)', () => {
	const regular = new OfAuth();
	// what n8n's tool variant changes that matters here: the name ends in Tool (displayOptions '@tool')
	const toolDescription = { ...regular.description, name: 'ofAuthTool' };
	const toolType = { description: toolDescription } as INodeType;
	const parametersOf = (description: INodeTypeDescription, resource: string, operation: string) =>
		NodeHelpers.getNodeParameters(
			description.properties,
			{ resource, operation },
			true,
			false,
			{ typeVersion: 1.1 },
			description,
		) ?? {};
	const agentOperations: Array<[string, string, RegExp]> = [
		['message', 'send', /^Sends a free private message to one OnlyFans fan/],
		['message', 'sendPpv', /Price \(USD\): a number from 3 to 200/],
		['message', 'getMany', /^Reads the messages of one chat/],
		['chat', 'getMany', /^Lists the creator's OnlyFans chats/],
		['vault', 'getManyMedia', /^Lists media in the creator's OnlyFans vault/],
		['massMessage', 'create', /^Sends one message to many OnlyFans fans at once/],
	];

	it.each(agentOperations)(
		'%s %s: the tool describes itself to the model with its own text',
		(resource, operation, text) => {
			const parameters = parametersOf(toolDescription, resource, operation);
			const node = {
				id: 't',
				name: 'OFAuth',
				type: 'x.ofAuthTool',
				typeVersion: 1.1,
				position: [0, 0],
				parameters,
			} as INode;
			expect(NodeHelpers.getToolDescriptionForNode(node, toolType)).toMatch(text);
		},
	);

	it('every tool text says what the fan ID is, and the PPV tools give the price range', () => {
		for (const [resource, operation] of agentOperations) {
			const text = String(parametersOf(toolDescription, resource, operation).toolDescription);
			if (resource === 'message') expect(text).toMatch(/numeric OnlyFans user ID, digits only/);
			if (operation === 'sendPpv' || operation === 'create') expect(text).toMatch(/3 to 200/);
		}
	});

	it('the regular node shows no Tool Description field', () => {
		expect(parametersOf(regular.description, 'message', 'send')).not.toHaveProperty(
			'toolDescription',
		);
	});
});
