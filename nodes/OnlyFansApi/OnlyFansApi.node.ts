import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import {
	ACTION_NODE_SUBTITLE,
	actionNodeDescription,
	actionNodeMethods,
	executeActions,
} from '../shared/actions/actionNode';
import { ONLYFANSAPI } from './onlyFansApiService';

/** OnlyFansAPI.com: messages, PPVs, chats, mass messages, media and vault of the linked OnlyFans accounts. */
export class OnlyFansApi implements INodeType {
	description: INodeTypeDescription = {
		...actionNodeDescription(ONLYFANSAPI),
		displayName: 'OnlyFansAPI.com',
		name: 'onlyFansApi',
		icon: { light: 'file:onlyfansapi.svg', dark: 'file:onlyfansapi.dark.svg' },
		subtitle: ACTION_NODE_SUBTITLE,
		usableAsTool: true,
		defaults: { name: 'OnlyFansAPI.com' },
		credentials: [{ name: 'onlyFansApiMessagingApi', required: true }],
	};

	methods = actionNodeMethods;

	execute = executeActions;
}
