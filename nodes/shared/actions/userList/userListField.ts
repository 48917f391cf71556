import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { idList } from '../../model/ids';
import type { UserListId } from '../../model/userLists';
import { userListId } from '../../model/userLists';
import { parseFields, throwInvalidField } from '../../model/validate';

/** The user list an operation acts on: picked, or its ID (digits, or a built-in list's type such as bookmarks). */
export const userListField: INodeProperties = {
	displayName: 'User List',
	name: 'userList',
	type: 'resourceLocator',
	required: true,
	default: { mode: 'list', value: '' },
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a list...',
			typeOptions: { searchListMethod: 'searchUserLists', searchable: true },
		},
		{ displayName: 'By ID', name: 'id', type: 'string', placeholder: '1001' },
	],
};

const listSchema = z.object({ userList: userListId });

/** The list of one item, checked; `ownOnly`: a built-in list (fans, bookmarks, ...) is refused. */
export function readUserListId(
	context: IExecuteFunctions,
	itemIndex: number,
	{ ownOnly, what }: { ownOnly: boolean; what: string },
): UserListId {
	const value = context.getNodeParameter('userList', itemIndex, '', { extractValue: true });
	const { userList } = parseFields(listSchema, { userList: value }, context.getNode(), itemIndex, {
		userList: 'User List',
	});
	if (ownOnly && typeof userList === 'string') {
		return throwInvalidField(
			context.getNode(),
			itemIndex,
			'User List',
			`"${userList}" is a list OnlyFans builds, which cannot be ${what}: pick one of your own lists (its ID is digits)`,
		);
	}
	return userList;
}

export const listNameField: INodeProperties = {
	displayName: 'Name',
	name: 'name',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'Spent over $100',
	description: 'The name of the list (OnlyFans shows it to the creator only)',
};

const nameSchema = z.object({
	name: z
		.string()
		.trim()
		.min(1, 'is empty: enter a name for the list')
		.max(100, 'is longer than 100 characters: shorten it'),
});

export function readListName(context: IExecuteFunctions, itemIndex: number): string {
	const value = context.getNodeParameter('name', itemIndex, '');
	return parseFields(
		nameSchema,
		{ name: typeof value === 'number' ? String(value) : value },
		context.getNode(),
		itemIndex,
		{ name: 'Name' },
	).name;
}

export const fanIdsField: INodeProperties = {
	displayName: 'Fan IDs',
	name: 'fanIds',
	type: 'string',
	required: true,
	default: '',
	placeholder: '123456, 234567',
	description:
		'OnlyFans user IDs, separated by commas, or an array from an expression (e.g. the fanId field of each input item)',
};

const fanIdsSchema = z.object({
	fanIds: idList('OnlyFans user ID').refine(
		(ids) => ids.length > 0,
		'is empty: enter at least one OnlyFans user ID',
	),
});

/** The fans of one item, checked, each once, in the order given. */
export function readFanIds(context: IExecuteFunctions, itemIndex: number): string[] {
	const { fanIds } = parseFields(
		fanIdsSchema,
		{ fanIds: context.getNodeParameter('fanIds', itemIndex, '') },
		context.getNode(),
		itemIndex,
		{ fanIds: 'Fan IDs' },
	);
	return [...new Set(fanIds.map(String))];
}
