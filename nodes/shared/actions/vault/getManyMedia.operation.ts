import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { limitField, listOutput, returnAllField } from '../../fields';
import { vaultListLocator } from './vaultListField';
import { connectionField } from '../../connection';
import { type ToolDescription } from '../toolDescription';
import type { ItemOutput } from '../types';
import { adapterOf } from '../../service';

/** What an AI agent reads about this tool (the OFAuth Tool node's Tool Description). */
export const toolDescription: ToolDescription = {
	summary:
		"Lists media in the creator's OnlyFans vault, newest first: each item's numeric id (the vault media ID that messages and PPVs attach), type (photo, video, audio) and whether it is ready. Use it to pick media for a PPV.",
	fields: [
		{
			parameter: 'limit',
			name: 'The number of media',
			fromModel: 'Limit: how many to return.',
			fixed: 'It returns up to %s media.',
		},
		{
			parameter: 'filters.mediaType',
			name: 'The media type',
			fromModel: 'Media Type: all, photo, video, audio or gif.',
			fixed: 'It lists only this type: %s.',
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
			'Whether to output only ID, type, readiness, creation time, duration and the thumbnail and full-size URLs instead of the whole media object',
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Media Type',
				name: 'mediaType',
				type: 'options',
				options: [
					{ name: 'All', value: 'all' },
					{ name: 'Audio', value: 'audio' },
					{ name: 'GIF', value: 'gif' },
					{ name: 'Photo', value: 'photo' },
					{ name: 'Video', value: 'video' },
				],
				default: 'all',
			},
			{
				...vaultListLocator,
				description: 'Only media in this vault list (folder)',
			},
			{
				displayName: 'Search',
				name: 'query',
				type: 'string',
				default: '',
				description: 'Only media whose name matches this text',
			},
			{
				displayName: 'Sort By',
				name: 'sortBy',
				type: 'options',
				options: [
					{ name: 'Most Recent', value: 'recent' },
					{ name: 'Most Liked', value: 'most-liked' },
					{ name: 'Highest Tips', value: 'highest-tips' },
				],
				default: 'recent',
			},
			{
				displayName: 'Sort Direction',
				name: 'sortDirection',
				type: 'options',
				options: [
					{
						name: 'Descending',
						value: 'desc',
						description: 'Newest, most liked or highest tips first',
					},
					{
						name: 'Ascending',
						value: 'asc',
						description: 'Oldest, least liked or lowest tips first',
					},
				],
				default: 'desc',
			},
		],
	},
];

function simplifyMedia(media: IDataObject): IDataObject {
	const files = (media.files ?? {}) as IDataObject;
	const url = (key: string) => ((files[key] ?? {}) as IDataObject).url ?? null;
	return {
		id: media.id,
		type: media.type,
		isReady: media.isReady,
		createdAt: media.createdAt,
		duration: media.duration ?? null,
		thumbnailUrl: url('thumb'),
		fullUrl: url('full'),
	};
}

export async function execute(this: IExecuteFunctions, itemIndex: number): ItemOutput {
	const simplify = this.getNodeParameter('simplify', itemIndex, false) as boolean;
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const listId = String(
		this.getNodeParameter('filters.listId', itemIndex, '', { extractValue: true }) ?? '',
	).trim();

	const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
	const request = adapterOf(this).listVaultMedia({
		mediaType: text(filters.mediaType),
		listId,
		search: text(filters.query),
		sortBy: text(filters.sortBy),
		sortDirection: text(filters.sortDirection),
	});
	return await listOutput(this, itemIndex, request, (entry) =>
		simplify ? simplifyMedia(entry) : entry,
	);
}
