import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import * as chat from './chat';
import * as fan from './fan';
import * as massMessage from './massMessage';
import * as media from './media';
import * as message from './message';
import { AGENT_DEFAULTS_FROM_VERSION } from '../model/guards';
import { toolDescriptionExpression } from './toolDescription';
import type { OperationModule } from './types';
import * as userList from './userList';
import * as vault from './vault';

/** Every resource of the action node. Add a resource here and nowhere else. */
const resources = [chat, fan, message, massMessage, media, userList, vault];

/** The resources a service offers at least one operation of (`resource.operation` keys). */
export function resourceOptionsFor(offered: Set<string>) {
	return resources
		.filter((resource) => offeredOperations(resource, offered).length > 0)
		.map((resource) => resource.resourceOption);
}

function offeredOperations(resource: (typeof resources)[number], offered: Set<string>) {
	const value = resource.resourceOption.value as string;
	return resource.operationOptions.filter((option) =>
		offered.has(`${value}.${String(option.value)}`),
	);
}

/**
 * Per resource: its Operation field listing what the service offers, then each operation's fields
 * shown only for that operation. An operation the service lacks is not offered at all.
 */
export function operationDescriptionsFor(offered: Set<string>): INodeProperties[] {
	return resources.flatMap((resource) => operationDescriptionsOf(resource, offered));
}

function operationDescriptionsOf(
	resource: (typeof resources)[number],
	offered: Set<string>,
): INodeProperties[] {
	const value = resource.resourceOption.value as string;
	const options = offeredOperations(resource, offered);
	if (options.length === 0) return [];
	const defaultOperation = options.some((option) => option.value === resource.defaultOperation)
		? resource.defaultOperation
		: String(options[0].value);
	const operationField: INodeProperties = {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [value] } },
		options,
		default: defaultOperation,
	};
	const operations = Object.entries(resource.operations as Record<string, OperationModule>).filter(
		([operation]) => offered.has(`${value}.${operation}`),
	);
	return [
		operationField,
		...operations.flatMap(([operation, module]) =>
			updateDisplayOptions(
				{ show: { resource: [value], operation: [operation] } },
				module.description,
			),
		),
	];
}

/**
 * The Tool Description field of the node's Tool variant (n8n's tool variant of this node, for AI
 * agents and the MCP Server Trigger): per operation, prefilled with an expression that n8n resolves
 * when it lists the tools, from what the operator wired (see toolDescription.ts): only the fields
 * the model fills are explained, fixed values are stated. n8n gives a tool that has no such field
 * only "<action> in <node>". `@tool` shows it in the tool variant only.
 */
const toolDescriptionField: INodeProperties = {
	displayName: 'Tool Description',
	name: 'toolDescription',
	type: 'string',
	typeOptions: { rows: 6 },
	default: '',
	description:
		'What the AI model reads about this tool. The default is built from this node: it explains only the fields filled with $fromAI() and states the values you fixed. Replace it with your own text if you prefer.',
};

export const toolDescriptionFields: INodeProperties[] = resources.flatMap((resource) =>
	Object.entries(resource.operations as Record<string, OperationModule>)
		.filter(([, module]) => module.toolDescription)
		// before version 1.3 an unset guard holds nothing; from 1.3 a tool holds agents to the defaults
		.flatMap(([operation, module]) =>
			[false, true].map((agentDefaults) => ({
				...toolDescriptionField,
				default: toolDescriptionExpression(module.toolDescription!, { agentDefaults }),
				displayOptions: {
					show: {
						'@tool': [true],
						'@version': [
							agentDefaults
								? { _cnd: { gte: AGENT_DEFAULTS_FROM_VERSION } }
								: { _cnd: { lt: AGENT_DEFAULTS_FROM_VERSION } },
						],
						resource: [resource.resourceOption.value as string],
						operation: [operation],
					},
				},
			})),
		),
);

export function findOperation(resource: string, operation: string): OperationModule | undefined {
	return resources.find((entry) => entry.resourceOption.value === resource)?.operations[operation];
}

/** Per resource: its operations as the Operation field lists them (name, value, action). */
export const operationOptionsByResource = Object.fromEntries(
	resources.map((resource) => [resource.resourceOption.value as string, resource.operationOptions]),
);
