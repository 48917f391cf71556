import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { operationDescriptions, resourceOptions } from './actions';
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
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
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
