import type { INodePropertyOptions } from 'n8n-workflow';

import type { OperationModule } from '../types';
import * as getMany from './getMany.operation';
import * as like from './like.operation';
import * as send from './send.operation';
import * as sendPpv from './sendPpv.operation';
import * as unsend from './unsend.operation';

export const resourceOption: INodePropertyOptions = { name: 'Message', value: 'message' };

export const operations: Record<string, OperationModule> = { send, sendPpv, unsend, getMany, like };

export const operationOptions: INodePropertyOptions[] = [
	{
		name: 'Get Many',
		value: 'getMany',
		action: 'Get messages',
		description: 'Read the messages of a chat, newest first',
	},
	{
		name: 'Like',
		value: 'like',
		action: 'Like a message',
		description: "Like a fan's message (the fan sees the heart)",
	},
	{
		name: 'Send',
		value: 'send',
		action: 'Send a message',
		description: 'Send a free message (text and/or media) to a fan',
	},
	{
		name: 'Send PPV',
		value: 'sendPpv',
		action: 'Send a PPV message',
		description: 'Send pay-per-view media to a fan at a price',
	},
	{
		name: 'Unsend',
		value: 'unsend',
		action: 'Unsend a message',
		description: 'Delete a message you sent from the chat',
	},
];

export const defaultOperation = 'send';
