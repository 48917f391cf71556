import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { limitField, listOutput, returnAllField } from '../../fields';
import { connectionField } from '../../connection';
import { plainText } from '../../model/simplified';
import { type ToolDescription } from '../toolDescription';
import type { ItemOutput } from '../types';
import { adapterOf } from '../../service';

/** What an AI agent reads about this tool (the OFAuth Tool node's Tool Description). */
export const toolDescription: ToolDescription = {
	summary:
		"Lists the creator's OnlyFans chats, most recent first: for each, the fan's numeric user ID (fanId when Simplify is on, else withUser.id), to pass as it is to the other tools, the unread count and the last message.",
	fields: [
		{
			parameter: 'limit',
			name: 'The number of chats',
			fromModel: 'Limit: how many chats to return.',
			fixed: 'It returns up to %s chats.',
		},
		{
			parameter: 'filters.filter',
			name: 'Which chats',
			fromModel: 'Show: all, unread, priority or who_tipped.',
			fixed: 'It shows these chats only: %s.',
		},
		{
			parameter: 'filters.query',
			name: 'The search',
			fromModel: 'Search: only chats whose fan name or username matches this text.',
			fixed: 'It shows only chats matching "%s".',
		},
	],
	closing: 'Reads only; sends nothing.',
};

export const description: INodeProperties[] = [
	connectionField,
	returnAllField,
	limitField(),
	{
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: false,
		description:
			'Whether to output only the fields a sheet wants: fan ID, name, username, unread count, last message text and time',
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Order',
				name: 'order',
				type: 'options',
				options: [
					{ name: 'Most Recent First', value: 'recent' },
					{ name: 'Oldest First', value: 'old' },
				],
				default: 'recent',
			},
			{
				displayName: 'Show',
				name: 'filter',
				type: 'options',
				options: [
					{ name: 'All Chats', value: 'all' },
					{ name: 'Priority', value: 'priority' },
					{ name: 'Unread', value: 'unread' },
					{ name: 'Who Tipped', value: 'who_tipped' },
				],
				default: 'all',
			},
			{
				displayName: 'Search',
				name: 'query',
				type: 'string',
				default: '',
				description: 'Only chats whose fan name or username matches this text',
			},
			{
				displayName: 'User List',
				name: 'userListId',
				type: 'resourceLocator',
				default: { mode: 'list', value: '' },
				description: 'Only chats with fans on this list',
				modes: [
					{
						displayName: 'From List',
						name: 'list',
						type: 'list',
						typeOptions: { searchListMethod: 'searchUserLists', searchable: true },
					},
					{ displayName: 'By ID', name: 'id', type: 'string', placeholder: '123' },
				],
			},
		],
	},
];

function simplifyChat(chat: IDataObject): IDataObject {
	// OFAuth names the other party withUser, OnlyFansAPI.com fan
	const fan = (chat.withUser ?? chat.fan ?? {}) as IDataObject;
	const last = (chat.lastMessage ?? {}) as IDataObject;
	return {
		fanId: fan.id,
		name: fan.name,
		username: fan.username,
		unreadCount: chat.unreadMessagesCount ?? 0,
		lastMessageText: plainText(last.text),
		lastMessageAt: last.createdAt ?? null,
	};
}

export async function execute(this: IExecuteFunctions, itemIndex: number): ItemOutput {
	const simplify = this.getNodeParameter('simplify', itemIndex, false) as boolean;
	const filterValues = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const userListId = this.getNodeParameter('filters.userListId', itemIndex, '', {
		extractValue: true,
	}) as string;

	const filters = {
		order: String(filterValues.order ?? 'recent'),
		show: String(filterValues.filter ?? 'all'),
		search: typeof filterValues.query === 'string' ? filterValues.query.trim() : '',
		userListId: userListId ? String(userListId) : '',
	};
	return await listOutput(this, itemIndex, adapterOf(this).listChats(filters), (chat) =>
		simplify ? simplifyChat(chat) : chat,
	);
}
