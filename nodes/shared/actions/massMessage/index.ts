import type { INodePropertyOptions } from 'n8n-workflow';

import type { OperationModule } from '../types';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getBuyers from './getBuyers.operation';
import * as getChart from './getChart.operation';
import * as getSentStats from './getSentStats.operation';
import * as update from './update.operation';

export const resourceOption: INodePropertyOptions = { name: 'Mass Message', value: 'massMessage' };

export const operations: Record<string, OperationModule> = {
	create,
	get,
	update,
	delete: del,
	getSentStats,
	getChart,
	getBuyers,
};

export const operationOptions: INodePropertyOptions[] = [
	{
		name: 'Create',
		value: 'create',
		action: 'Create a mass message',
		description: 'Send a free or PPV message to fans and user lists, now or at a scheduled time',
	},
	{
		name: 'Delete',
		value: 'delete',
		action: 'Delete a mass message',
		description: 'Cancel a scheduled mass message, or unsend one already sent',
	},
	{
		name: 'Get',
		value: 'get',
		action: 'Get a mass message',
		description: 'Read one mass message and its queue status',
	},
	{
		name: 'Get Buyers',
		value: 'getBuyers',
		action: 'Get buyers of a mass message',
		description: 'List the fans who bought a PPV mass message',
	},
	{
		name: 'Get Chart',
		value: 'getChart',
		action: 'Get mass message chart',
		description: 'Mass messages sent and bought per day over a date range',
	},
	{
		name: 'Get Sent Statistics',
		value: 'getSentStats',
		action: 'Get sent mass message statistics',
		description: 'List sent mass messages with their sent, viewed and purchased counts',
	},
	{
		name: 'Update',
		value: 'update',
		action: 'Update a mass message',
		description: 'Replace the text, media, price, audience or schedule of a mass message',
	},
];

export const defaultOperation = 'create';
