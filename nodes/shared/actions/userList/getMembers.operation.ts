import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { connectionField } from '../../connection';
import { limitField, listOutput, returnAllField } from '../../fields';
import { adapterOf } from '../../service';
import type { ItemOutput } from '../types';
import { readUserListId, userListField } from './userListField';

export const description: INodeProperties[] = [
	connectionField,
	{ ...userListField, description: 'The list whose fans to read' },
	returnAllField,
	limitField(),
	{
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description:
			"Whether to output only each fan's ID, username and name, instead of the whole fan object",
	},
];

const simplifiedMember = (fan: IDataObject): IDataObject => ({
	id: fan.id ?? null,
	username: fan.username ?? null,
	name: fan.name ?? null,
});

export async function execute(this: IExecuteFunctions, itemIndex: number): ItemOutput {
	const listId = readUserListId(this, itemIndex, { ownOnly: false, what: 'read' });
	const simplify = this.getNodeParameter('simplify', itemIndex, true) === true;
	return await listOutput(this, itemIndex, adapterOf(this).listUserListMembers(listId), (fan) =>
		simplify ? { ...simplifiedMember(fan), listId } : fan,
	);
}
