import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { firstTime, scanOffsetList, sequenceOf } from '../poll/scan';
import type { PolledItem, PollSource } from '../poll/types';

const PATH = '/v2/access/vault/media';
/** The vault pages at most 40 items. */
const PAGE_SIZE = 40;

function query(context: IPollFunctions): IDataObject {
	const mediaType = context.getNodeParameter('mediaType', 'any') as string;
	return { sortBy: 'recent', ...(mediaType !== 'any' ? { mediaType } : {}) };
}

function toItem(media: IDataObject): PolledItem | undefined {
	if (media.id === undefined || media.id === null) return undefined;
	return {
		key: String(media.id),
		time: firstTime(media.createdAt, media.uploadedAt),
		json: media,
		sequence: sequenceOf(media.id),
	};
}

/** Media that landed in the vault (uploads, media sent from a URL, media added on OnlyFans), newest first. */
export const newVaultMedia: PollSource = {
	properties: [
		{
			displayName: 'Media Type',
			name: 'mediaType',
			type: 'options',
			options: [
				{ name: 'Any', value: 'any' },
				{ name: 'Audio', value: 'audio' },
				{ name: 'GIF', value: 'gif' },
				{ name: 'Photo', value: 'photo' },
				{ name: 'Video', value: 'video' },
			],
			default: 'any',
			description: 'Only media of this type start the workflow',
		},
	],

	scope: (context) => String(context.getNodeParameter('mediaType', 'any')),

	async scan(context, window) {
		return await scanOffsetList(
			context,
			{ path: PATH, qs: query(context), pageSize: PAGE_SIZE },
			toItem,
			window,
		);
	},

	async sample(context) {
		const { items } = await scanOffsetList(
			context,
			{ path: PATH, qs: query(context), pageSize: 1 },
			toItem,
			{
				isKnown: () => false,
				deadline: Date.now(),
			},
		);
		return items[0];
	},
};
