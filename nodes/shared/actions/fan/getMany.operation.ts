import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { connectionField } from '../../connection';
import { filteredListOutput, limitField, returnAllField } from '../../fields';
import {
	FAN_LABELS,
	meetsFanFilters,
	readFanFilters,
	SIMPLIFIED_FAN,
	simplifiedFan,
} from '../../model/fanDetails';
import { adapterOf } from '../../service';
import type { ToolDescription } from '../toolDescription';
import type { ItemOutput } from '../types';

/** What an AI agent reads about this tool (the Tool node's Tool Description). */
export const toolDescription: ToolDescription = {
	summary:
		"Lists the creator's OnlyFans fans with, for each, id, username, name, when they subscribed and expire, total spent, tips, whether they expired, and the creator's note about them.",
	fields: [
		{
			parameter: 'type',
			name: 'Which fans',
			fromModel:
				'Type: all, active (subscribed now), expired, latest (newest subscribers) or top (top spenders, where offered).',
			fixed: 'It lists the %s fans.',
		},
		{
			parameter: 'limit',
			name: 'The number of fans',
			fromModel: 'Limit: how many fans to return.',
			fixed: 'It returns up to %s fans.',
		},
		{
			parameter: 'filters.minTotalSpent',
			name: 'The minimum spend',
			fromModel: 'Min Total Spent: only fans who spent at least this many USD.',
			fixed: 'Only fans who spent at least %s USD are listed.',
		},
		{
			parameter: 'filters.query',
			name: 'The search',
			fromModel: 'Search: only fans whose name or username contains this.',
			fixed: 'Only fans matching "%s" are listed.',
		},
	],
	closing: 'Reads only; sends nothing.',
};

export const description: INodeProperties[] = [
	connectionField,
	{
		displayName: FAN_LABELS.type,
		name: 'type',
		type: 'options',
		default: 'all',
		options: [
			{ name: 'Active', value: 'active', description: 'Fans subscribed now' },
			{ name: 'All Fans', value: 'all', description: 'Everyone who subscribed, now or before' },
			{ name: 'Expired', value: 'expired', description: 'Fans whose subscription ended' },
			{
				name: 'Newest Fans',
				value: 'latest',
				description: 'Fans who subscribed most recently, newest first',
			},
			{
				name: 'Top Spenders',
				value: 'top',
				description:
					'Fans who spent the most, where %service% offers it (else the item is refused: use All Fans with Min Total Spent)',
			},
		],
	},
	returnAllField,
	limitField(),
	{
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description: `Whether to output only the ${SIMPLIFIED_FAN}, instead of the whole fan object`,
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: FAN_LABELS.minTips,
				name: 'minTips',
				type: 'number',
				typeOptions: { minValue: 0, numberPrecision: 2 },
				default: 0,
				description: 'Only fans who tipped at least this much in total',
			},
			{
				displayName: FAN_LABELS.minTotalSpent,
				name: 'minTotalSpent',
				type: 'number',
				typeOptions: { minValue: 0, numberPrecision: 2 },
				default: 0,
				description:
					'Only fans who spent at least this much in total (subscriptions, messages, tips)',
			},
			{
				displayName: 'Online Now',
				name: 'onlineOnly',
				type: 'boolean',
				default: false,
				description: 'Whether to list only fans who are online now',
			},
			{
				displayName: 'Search',
				name: 'query',
				type: 'string',
				default: '',
				description: 'Only fans whose name or username contains this text',
			},
		],
	},
];

/**
 * Fans page by page (20 a page on both services), each checked against the spend minimums (see
 * meetsFanFilters), until Limit fans matched or the list ends.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): ItemOutput {
	const filters = readFanFilters(this, itemIndex);
	const simplify = this.getNodeParameter('simplify', itemIndex, true) === true;
	return await filteredListOutput(
		this,
		itemIndex,
		adapterOf(this).listFans(filters),
		(fan) => meetsFanFilters(fan, filters),
		(fan) => (simplify ? simplifiedFan(fan) : fan),
	);
}
