import type { INodePropertyOptions } from 'n8n-workflow';

import type { OperationModule } from '../types';
import * as getMany from './getMany.operation';
import * as getMedia from './getMedia.operation';
import * as hide from './hide.operation';
import * as markAsRead from './markAsRead.operation';
import * as markAsUnread from './markAsUnread.operation';
import * as showTyping from './showTyping.operation';

export const resourceOption: INodePropertyOptions = { name: 'Chat', value: 'chat' };

export const operations: Record<string, OperationModule> = {
	getMany,
	getMedia,
	hide,
	markAsRead,
	markAsUnread,
	showTyping,
};

export const operationOptions: INodePropertyOptions[] = [
	{
		name: 'Get Many',
		value: 'getMany',
		action: 'List chats',
		description: 'List chats with fans, newest first, with filters',
	},
	{
		name: 'Get Media',
		value: 'getMedia',
		action: 'Get chat media',
		description: 'List the photos, videos and audios shared in a chat',
	},
	{
		name: 'Hide',
		value: 'hide',
		action: 'Hide a chat',
		description: 'Hide a chat from the inbox; sending the fan a message brings it back',
	},
	{ name: 'Mark as Read', value: 'markAsRead', action: 'Mark a chat as read' },
	{ name: 'Mark as Unread', value: 'markAsUnread', action: 'Mark a chat as unread' },
	{
		name: 'Show Typing',
		value: 'showTyping',
		action: 'Show typing in a chat',
		description: 'The fan sees "typing..." for about 4 seconds, e.g. while an agent writes a reply',
	},
];

export const defaultOperation = 'getMany';
