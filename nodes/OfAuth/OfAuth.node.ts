import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { operationDescriptions, resourceOptions, toolDescriptionFields } from './actions';
import { router } from './actions/router';
import { requestSettingsField } from '../shared/fields';
import * as listSearch from './methods/listSearch';
import * as loadOptions from './methods/loadOptions';
import { searchConnections } from '../shared/connection';
import { authenticationField, providerCredentials } from '../shared/providerChoice';

export class OfAuth implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'OFAuth',
		name: 'ofAuth',
		icon: { light: 'file:ofauth.svg', dark: 'file:ofauth.dark.svg' },
		group: ['output'],
		// 1.1: Simplify on by default; 1.2: whole-audience lists need Guards > Allow Whole-Audience Lists;
		// 1.3: as an AI agent's tool, the agent guards apply unless set (model/guards.ts AGENT_DEFAULT_GUARDS)
		version: [1, 1.1, 1.2, 1.3],
		defaultVersion: 1.3,
		// the operation's name on the canvas; test/unit/nodeDescription.test.ts keeps it in step with the operations
		subtitle:
			'={{ {"chat:getMany":"List chats","chat:getMedia":"Get chat media","message:getMany":"Get messages","message:send":"Send message","message:sendPpv":"Send PPV message","message:unsend":"Unsend message","massMessage:create":"Create mass message","massMessage:delete":"Delete mass message","massMessage:get":"Get mass message","massMessage:getBuyers":"Get buyers of mass message","massMessage:getChart":"Get mass message chart","massMessage:getSentStats":"Get sent mass message statistics","massMessage:update":"Update mass message","media:upload":"Upload media to vault","userList:getMany":"Get user lists","vault:getManyLists":"Get vault lists","vault:getManyMedia":"Get vault media"}[$parameter["resource"] + ":" + $parameter["operation"]] }}',
		description:
			'Send OnlyFans messages and PPVs, read chats, mass-message fans and upload media through OFAuth',
		defaults: { name: 'OFAuth' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: providerCredentials,
		properties: [
			authenticationField(
				'The service that sends for you. The fields stay the same: switch the service and the credential, nothing else.',
			),
			...toolDescriptionFields,
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: resourceOptions,
				default: 'chat',
			},
			...operationDescriptions,
			requestSettingsField,
		],
	};

	methods = { listSearch: { ...listSearch, searchConnections }, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
