import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { connectionField } from '../../connection';
import { readFanReference, SIMPLIFIED_FAN, simplifiedFan } from '../../model/fanDetails';
import { adapterOf } from '../../service';
import { apiData } from '../../transport';
import type { ToolDescription } from '../toolDescription';
import type { ItemOutput } from '../types';

/** What an AI agent reads about this tool (the Tool node's Tool Description). */
export const toolDescription: ToolDescription = {
	summary:
		"Reads one OnlyFans fan: id, username, name, the creator's display name and note for them, when they subscribed and expire, total spent, tips, and whether they expired. Read it before replying to a fan.",
	fields: [
		{
			parameter: 'fan.value',
			name: 'The fan',
			fromModel: "Fan: the fan's OnlyFans user ID (digits) or @username.",
			fixed: 'It reads the fan %s.',
		},
	],
	closing: 'Reads only; sends nothing.',
};

export const description: INodeProperties[] = [
	connectionField,
	{
		displayName: 'Fan',
		name: 'fan',
		type: 'resourceLocator',
		required: true,
		default: { mode: 'list', value: '' },
		description: 'The fan to read',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a fan...',
				typeOptions: { searchListMethod: 'searchSubscribers', searchable: true },
			},
			{
				displayName: 'By User ID',
				name: 'id',
				type: 'string',
				placeholder: '123456',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: '^\\s*\\d+\\s*$',
							errorMessage: 'An OnlyFans user ID is made of digits, e.g. 123456',
						},
					},
				],
			},
			{
				displayName: 'By Username',
				name: 'username',
				type: 'string',
				placeholder: '@fan_username',
			},
		],
	},
	{
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description: `Whether to output only the ${SIMPLIFIED_FAN}, instead of the whole profile`,
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): ItemOutput {
	const fan = readFanReference(this, itemIndex);
	const simplify = this.getNodeParameter('simplify', itemIndex, true) === true;
	const lookup = adapterOf(this).getFan(fan);
	const answer = await apiData(this, { ...lookup.request, itemIndex });
	const found = lookup.fanIn(answer ?? {});
	if (!found) {
		const named = 'id' in fan ? `with user ID ${fan.id}` : `@${fan.username}`;
		throw new NodeOperationError(this.getNode(), `No fan ${named} on item ${itemIndex}`, {
			itemIndex,
			description:
				'The service answered without that fan. Check the ID or username, or pick the fan from the list.',
		});
	}
	return [{ json: simplify ? simplifiedFan(found) : found }];
}
