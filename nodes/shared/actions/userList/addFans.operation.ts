import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { connectionField } from '../../connection';
import { writeGuards } from '../../model/guards';
import type { ExecutionScope, Send } from '../types';
import { prepareMembershipChange } from './membership';
import { fanIdsField, userListField } from './userListField';

export const description: INodeProperties[] = [
	connectionField,
	{ ...userListField, description: 'The list to add the fans to' },
	{
		...fanIdsField,
		hint: "Reads the list's fans first (once per run), so a fan already on it is reported in alreadyIn, not sent again",
	},
	writeGuards,
];

export async function prepare(
	this: IExecuteFunctions,
	itemIndex: number,
	scope: ExecutionScope,
): Promise<Send> {
	return prepareMembershipChange(this, itemIndex, scope, 'add');
}
