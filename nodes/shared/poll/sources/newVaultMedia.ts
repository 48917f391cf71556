import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { adapterOf } from '../../service';
import { firstTime, SAMPLE_WINDOW, scanNewestFirst, sequenceOf } from '../scan';
import type { PolledItem, PollSource } from '../types';

/** The vault's newest media first, of one type or any. */
function newestMedia(context: IPollFunctions) {
	const mediaType = context.getNodeParameter('mediaType', 'any') as string;
	return adapterOf(context).listVaultMedia({
		mediaType: mediaType === 'any' ? '' : mediaType,
		listId: '',
		search: '',
		sortBy: 'recent',
		sortDirection: '',
	});
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
		return await scanNewestFirst(context, newestMedia(context), toItem, window);
	},

	async sample(context) {
		const { items } = await scanNewestFirst(
			context,
			newestMedia(context),
			toItem,
			SAMPLE_WINDOW,
			1,
		);
		return items[0];
	},
};
