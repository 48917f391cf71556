import type {
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { OFAUTH } from '../OfAuth/ofAuthService';
import { searchConnections } from '../shared/connection';
import { pollForNewItems, pollTriggerProperties } from '../shared/poll/pollTrigger';
import { describeFor } from '../shared/service';

export class OfAuthPollTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'OFAuth Poll Trigger',
		name: 'ofAuthPollTrigger',
		icon: { light: 'file:ofauth.svg', dark: 'file:ofauth.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"]}}',
		description:
			'Starts the workflow when a fan subscribes, expires or writes, a PPV is bought or a tip sent, or new media lands in the vault (checked on a schedule)',
		defaults: { name: 'OFAuth Poll Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'ofAuthApi', required: true }],
		properties: describeFor(OFAUTH, pollTriggerProperties),
	};

	methods = { listSearch: { searchConnections } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollForNewItems(this, OFAUTH);
	}
}
