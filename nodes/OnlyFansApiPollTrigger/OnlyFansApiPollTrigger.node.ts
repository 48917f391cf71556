import type {
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { ONLYFANSAPI } from '../OnlyFansApi/onlyFansApiService';
import { searchConnections } from '../shared/connection';
import { pollForNewItems, pollTriggerProperties } from '../shared/poll/pollTrigger';
import { describeFor } from '../shared/service';

export class OnlyFansApiPollTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'OnlyFansAPI.com Poll Trigger',
		name: 'onlyFansApiPollTrigger',
		icon: { light: 'file:onlyfansapi.svg', dark: 'file:onlyfansapi.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"]}}',
		description:
			'Starts the workflow when a fan subscribes, expires or writes, a PPV is bought or a tip sent, or new media lands in the vault (checked on a schedule)',
		defaults: { name: 'OnlyFansAPI.com Poll Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'onlyFansApiMessagingApi', required: true }],
		properties: describeFor(ONLYFANSAPI, pollTriggerProperties),
	};

	methods = { listSearch: { searchConnections } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollForNewItems(this, ONLYFANSAPI);
	}
}
