import type { IExecuteFunctions, INodeExecutionData, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { searchConnections } from '../connection';
import { requestSettingsField } from '../fields';
import * as listSearch from '../methods/listSearch';
import * as loadOptions from '../methods/loadOptions';
import type { Service } from '../service';
import { describeFor } from '../service';
import { operationDescriptionsFor, resourceOptionsFor, toolDescriptionFields } from './index';
import { router } from './router';

/** The operation's name on the canvas; test/unit/nodeDescription.test.ts keeps it in step with the operations. */
export const ACTION_NODE_SUBTITLE =
	'={{ {"chat:getMany":"List chats","chat:getMedia":"Get chat media","chat:hide":"Hide chat","chat:markAsRead":"Mark chat as read","chat:markAsUnread":"Mark chat as unread","chat:showTyping":"Show typing in chat","fan:get":"Get fan","fan:getMany":"Get many fans","fan:giveDiscount":"Give fan discount","fan:setDisplayName":"Set display name of fan","fan:setNote":"Set note on fan","message:getMany":"Get messages","message:like":"Like message","message:send":"Send message","message:sendPpv":"Send PPV message","message:unsend":"Unsend message","massMessage:create":"Create mass message","massMessage:delete":"Delete mass message","massMessage:get":"Get mass message","massMessage:getBuyers":"Get buyers of mass message","massMessage:getChart":"Get mass message chart","massMessage:getSentStats":"Get sent mass message statistics","massMessage:update":"Update mass message","media:upload":"Upload media to vault","userList:addFans":"Add fans to user list","userList:create":"Create user list","userList:delete":"Delete user list","userList:getMany":"Get user lists","userList:getMembers":"Get fans on user list","userList:removeFans":"Remove fans from user list","userList:rename":"Rename user list","vault:getManyLists":"Get vault lists","vault:getManyMedia":"Get vault media"}[$parameter["resource"] + ":" + $parameter["operation"]] }}';

/**
 * The action node of a service, but for what its class states itself (names, icon, defaults,
 * credential, subtitle, tool use: n8n's lint reads those from the class): the same resources,
 * operations and fields in every package, minus the operations the service lacks; every text
 * names that service (describeFor).
 */
export function actionNodeDescription(
	service: Service,
): Omit<
	INodeTypeDescription,
	'displayName' | 'name' | 'icon' | 'defaults' | 'credentials' | 'subtitle' | 'usableAsTool'
> {
	const operations = service.adapter.operations;
	return describeFor(service, {
		group: ['output'],
		// 1.1: Simplify on by default; 1.2: whole-audience lists need Guards > Allow Whole-Audience Lists;
		// 1.3: as an AI agent's tool, the agent guards apply unless set (model/guards.ts AGENT_DEFAULT_GUARDS)
		version: [1, 1.1, 1.2, 1.3],
		defaultVersion: 1.3,
		description:
			'Send OnlyFans messages and PPVs, read chats, mass-message fans and upload media through %service%',
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [
			...toolDescriptionFields,
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: resourceOptionsFor(operations),
				default: 'chat',
			},
			...operationDescriptionsFor(operations),
			requestSettingsField,
		],
	});
}

/** The pickers of the action node. */
export const actionNodeMethods = { listSearch: { ...listSearch, searchConnections }, loadOptions };

/** What the action node runs: the router owns the item loop. */
export async function executeActions(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await router.call(this);
}
