import type { INodeProperties } from 'n8n-workflow';

/** Options shared by every message kind (free, PPV, mass message). */
export const messageOptionFields: INodeProperties[] = [
	{
		displayName: 'Forwarded',
		name: 'isForwardedMessage',
		type: 'boolean',
		default: false,
		description: 'Whether to mark the message as forwarded',
	},
	{
		displayName: 'Lock Text',
		name: 'isLockedText',
		type: 'boolean',
		default: false,
		description:
			'Whether the text is hidden until the fan pays to unlock the message. Only for a PPV (a price is set): a free message has nothing to unlock.',
	},
	{
		displayName: 'Markdown',
		name: 'isMarkdown',
		type: 'boolean',
		default: true,
		description: 'Whether to format the text as Markdown (turn off to send it exactly as written)',
	},
	{
		displayName: 'Media List',
		name: 'mediaList',
		type: 'string',
		default: '',
		placeholder: '={{ $json.mediaIds }}',
		description:
			'More media from an expression: an array, or comma-separated vault IDs, upload references or URLs. Added after the Media entries.',
	},
	{
		displayName: 'Release Form Guests',
		name: 'releaseFormGuests',
		type: 'string',
		default: '',
		placeholder: '123456, 234567',
		description:
			'OnlyFans user IDs of guests in the release form, comma-separated or an array expression',
	},
	{
		displayName: 'Release Form Partners',
		name: 'releaseFormPartners',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getReleaseFormPartners' },
		default: [],
		description:
			'Creators tagged in the media through a release form. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Release Form Users',
		name: 'releaseFormUsers',
		type: 'string',
		default: '',
		placeholder: '123456, 234567',
		description: 'OnlyFans user IDs in the release form, comma-separated or an array expression',
	},
	{
		displayName: 'Tag Users',
		name: 'userTags',
		type: 'string',
		default: '',
		placeholder: '123456, 234567',
		description: 'OnlyFans user IDs to tag in the message, comma-separated or an array expression',
	},
];

export const replyToField: INodeProperties = {
	displayName: 'Reply to Message ID',
	name: 'replyToMessageId',
	type: 'string',
	default: '',
	description: 'ID of a message in this chat to reply to',
};

export function messageOptionsCollection(extra: INodeProperties[] = []): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [...messageOptionFields, ...extra].sort((a, b) =>
			a.displayName.localeCompare(b.displayName),
		),
	};
}
