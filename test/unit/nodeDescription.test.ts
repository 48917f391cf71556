import type {
	FromAIArgument,
	IDataObject,
	INode,
	INodeType,
	INodeTypeDescription,
	INodeTypes,
} from 'n8n-workflow';
import { NodeHelpers, traverseNodeParameters, Workflow } from 'n8n-workflow';

import { operationOptionsByResource } from '../../nodes/shared/actions';
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
	const parametersOf = (
		description: INodeTypeDescription,
		resource: string,
		operation: string,
		typeVersion: number,
	) =>
		NodeHelpers.getNodeParameters(
			description.properties,
			{ resource, operation },
			true,
			false,
			{ typeVersion },
			description,
		) ?? {};
	const fromAI = (key: string, type = 'string') =>
		`={{ $fromAI('${key}', \`the ${key}\`, '${type}') }}`;
	/** What n8n 2.x gives the model: the Tool Description expression, resolved in the tool node. */
	const describe = (
		resource: string,
		operation: string,
		wiring: IDataObject = {},
		typeVersion = 1.2,
	) => {
		const parameters = {
			...parametersOf(toolDescription, resource, operation, typeVersion),
			...wiring,
		} as INode['parameters'];
		const node = {
			id: 't',
			name: 'Tool',
			type: 'x.ofAuthTool',
			typeVersion,
			position: [0, 0],
			parameters,
		} as INode;
		// node types unknown to this Workflow: it keeps the parameters exactly as given
		const nodeTypes = { getByName: () => undefined, getByNameAndVersion: () => undefined };
		const workflow = new Workflow({
			nodes: [node],
			connections: {},
			active: false,
			nodeTypes: nodeTypes as unknown as INodeTypes,
		});
		const resolve = () =>
			String(
				workflow.expression.getParameterValue(
					String(parameters.toolDescription),
					null,
					0,
					0,
					'Tool',
					[],
					'manual',
					{},
				),
			);
		return String(NodeHelpers.getToolDescriptionForNode(node, toolType, resolve));
	};
	const agentOperations: Array<[string, string, RegExp]> = [
		['message', 'send', /^Sends a free private message to one OnlyFans fan/],
		['message', 'sendPpv', /^Sends a pay-per-view \(PPV\) message to one OnlyFans fan/],
		['message', 'getMany', /^Reads the messages of one chat/],
		['chat', 'getMany', /^Lists the creator's OnlyFans chats/],
		['vault', 'getManyMedia', /^Lists media in the creator's OnlyFans vault/],
		['massMessage', 'create', /^Sends one message to many OnlyFans fans at once/],
		['userList', 'getMany', /^Lists the creator's user lists/],
	];

	it.each(agentOperations)(
		'%s %s: the tool describes itself to the model with its own text',
		(resource, operation, text) => {
			expect(describe(resource, operation)).toMatch(text);
		},
	);

	it('from version 1.3 the tool says the limits it holds an agent to when the operator set none, and not those turned off', () => {
		const wiring = { price: fromAI('price', 'number'), text: fromAI('text') };
		const agentTool = describe('message', 'sendPpv', wiring, 1.3);
		expect(agentTool).toContain(
			'At most 50 USD: a higher price is refused (a limit that holds for agents unless the operator changes it).',
		);
		expect(agentTool).toContain('The same message again within 60 minutes is not sent');
		const mass = describe('massMessage', 'create', { text: fromAI('text') }, 1.3);
		expect(mass).toContain('It is refused when it could reach more than 500 fans');
		const turnedOff = describe('message', 'sendPpv', { ...wiring, guards: { maxPrice: 0 } }, 1.3);
		expect(turnedOff).not.toMatch(/USD: a higher price is refused|at most 0 USD/);
		const older = describe('message', 'sendPpv', wiring, 1.2);
		expect(older).not.toContain('At most 50 USD');
		expect(older).not.toContain('within 60 minutes');
	});

	it('only the arguments the model fills are advertised', () => {
		const textOnly = describe('message', 'send', {
			fan: { __rl: true, mode: 'id', value: fromAI('fanId', 'number') },
			text: fromAI('text'),
		});
		expect(textOnly).toMatch(/Fan: the fan's numeric OnlyFans user ID, as a number or digits/);
		expect(textOnly).toMatch(/Text: the message exactly as the fan will read it/);
		expect(textOnly).not.toMatch(/Media|Reply To|Dry run|Duplicate|schedul/);

		const withMedia = describe('message', 'send', {
			text: fromAI('text'),
			options: { mediaList: fromAI('mediaIds') },
		});
		expect(withMedia).toMatch(/Media: vault media IDs/);
	});

	it('a value the operator fixed is stated as fixed, a guard as its limit', () => {
		const ppv = describe('message', 'sendPpv', {
			fan: { __rl: true, mode: 'id', value: fromAI('fanId', 'number') },
			price: 20,
			options: { mediaList: '5000001' },
			guards: { maxPrice: 50, duplicateWindowMinutes: 30, dryRun: true },
		});
		expect(ppv).toMatch(/The price is fixed by the operator at 20 USD\./);
		expect(ppv).not.toMatch(/Price: what the fan pays/);
		expect(ppv).toMatch(/The media is fixed by the operator: 5000001\./);
		expect(ppv).toMatch(/The operator allows at most 50 USD: a higher price is refused\./);
		expect(ppv).toMatch(/within 30 minutes is not sent/);
		expect(ppv).toMatch(/Dry run is on: .* sends nothing/);

		const fromWorkflow = describe('message', 'sendPpv', { price: '={{ $json.price }}' });
		expect(fromWorkflow).toMatch(/The price is set by the workflow, not by you\./);
	});

	it('a mass message says whether it can be scheduled, and what its audience and guards are', () => {
		const now = describe('massMessage', 'create', {
			userLists: fromAI('lists'),
			text: fromAI('text'),
			sendAt: 'now',
			guards: { maxRecipients: 100 },
		});
		expect(now).toMatch(/It is sent at once: this tool cannot schedule it for later\./);
		expect(now).toMatch(/User Lists: list IDs or names/);
		expect(now).toMatch(/It is free: this tool cannot set a price\./);
		expect(now).toMatch(/It is refused when it could reach more than 100 fans\./);
		expect(now).not.toMatch(/Media|Exclude|Fan IDs/);

		const later = describe('massMessage', 'create', {
			userIds: fromAI('fanIds'),
			text: fromAI('text'),
			sendAt: 'scheduled',
			scheduledDate: fromAI('when'),
			payPerView: true,
			price: fromAI('price', 'number'),
		});
		expect(later).toMatch(/Scheduled Date: when OnlyFans sends it/);
		expect(later).toMatch(/Price: what the fan pays/);

		const fixedDate = describe('massMessage', 'create', {
			text: fromAI('text'),
			sendAt: 'scheduled',
			scheduledDate: '2026-12-24T18:00:00',
			audienceFilters: { excludeUserLists: ['whales'] },
		});
		expect(fixedDate).toMatch(/It is scheduled by the operator for 2026-12-24T18:00:00\./);
		expect(fixedDate).toMatch(/Fans on the lists whales never receive it/);
	});

	it("the description adds no argument to the tool's schema (no $fromAI call hides in it)", () => {
		for (const [resource, operation] of agentOperations) {
			for (const typeVersion of [1.2, 1.3]) {
				const { toolDescription: described } = parametersOf(
					toolDescription,
					resource,
					operation,
					typeVersion,
				);
				expect(described).toEqual(expect.stringMatching(/^=\{\{/));
				const collected: FromAIArgument[] = [];
				traverseNodeParameters({ toolDescription: described }, collected);
				expect(collected).toEqual([]);
			}
		}
	});

	it('the regular node shows no Tool Description field', () => {
		expect(parametersOf(regular.description, 'message', 'send', 1.3)).not.toHaveProperty(
			'toolDescription',
		);
	});
});
