import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { limitField, listOutput, returnAllField } from '../../../shared/fields';
import { fanField, readFanId } from '../../model/fan';
import { connectionField } from '../../../shared/connection';
import type { ItemOutput } from '../types';
import { adapterOf } from '../../providers';

/** OFAuth answers at most 10 messages a page. */

export const description: INodeProperties[] = [
	connectionField,
	fanField({ description: 'The fan whose chat to read' }),
	returnAllField,
	limitField(),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Search',
				name: 'query',
				type: 'string',
				default: '',
				description: 'Only messages whose text contains this',
			},
		],
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): ItemOutput {
	const fanId = readFanId(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const search = typeof options.query === 'string' ? options.query.trim() : '';
	return await listOutput(this, itemIndex, adapterOf(this).listMessages(fanId, search));
}
