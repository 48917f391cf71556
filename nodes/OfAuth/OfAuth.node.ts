import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import {
	ACTION_NODE_SUBTITLE,
	actionNodeDescription,
	actionNodeMethods,
	executeActions,
} from '../shared/actions/actionNode';
import { OFAUTH } from './ofAuthService';

/** OFAuth: messages, PPVs, chats, mass messages, media and vault of the linked OnlyFans accounts. */
export class OfAuth implements INodeType {
	description: INodeTypeDescription = {
		...actionNodeDescription(OFAUTH),
		displayName: 'OFAuth',
		name: 'ofAuth',
		icon: { light: 'file:ofauth.svg', dark: 'file:ofauth.dark.svg' },
		subtitle: ACTION_NODE_SUBTITLE,
		usableAsTool: true,
		defaults: { name: 'OFAuth' },
		credentials: [{ name: 'ofAuthApi', required: true }],
	};

	methods = actionNodeMethods;

	execute = executeActions;
}
