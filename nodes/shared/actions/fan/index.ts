import type { INodePropertyOptions } from 'n8n-workflow';

import type { OperationModule } from '../types';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as giveDiscount from './giveDiscount.operation';
import * as setDisplayName from './setDisplayName.operation';
import * as setNote from './setNote.operation';

export const resourceOption: INodePropertyOptions = { name: 'Fan', value: 'fan' };

export const operations: Record<string, OperationModule> = {
	get,
	getMany,
	giveDiscount,
	setDisplayName,
	setNote,
};

export const operationOptions: INodePropertyOptions[] = [
	{
		name: 'Get',
		value: 'get',
		action: 'Get a fan',
		description:
			"One fan by ID or @username: who they are, when they subscribed, what they spent, the creator's note",
	},
	{
		name: 'Get Many',
		value: 'getMany',
		action: 'Get many fans',
		description: 'List fans: all, subscribed, expired, newest or top spenders, with spend filters',
	},
	{
		name: 'Give Discount',
		value: 'giveDiscount',
		action: 'Give a fan a discount',
		description: "Discount one fan's subscription for some months, within the Max Discount guard",
	},
	{
		name: 'Set Display Name',
		value: 'setDisplayName',
		action: 'Set the display name of a fan',
		description: "The creator's own name for a fan, shown in place of theirs",
	},
	{
		name: 'Set Note',
		value: 'setNote',
		action: 'Set a note on a fan',
		description: "The creator's private note about a fan",
	},
];

export const defaultOperation = 'getMany';
