import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { toEntryList } from '../../validation/idLists';
import type { MessageFieldValues } from '../../validation/messageBody';
import { MAX_PPV_PRICE, MAX_TEXT_LENGTH, MIN_PPV_PRICE } from '../../validation/messageBody';

export const textField: INodeProperties = {
	displayName: 'Text',
	name: 'text',
	type: 'string',
	typeOptions: { rows: 4 },
	default: '',
	description: `The message, up to ${MAX_TEXT_LENGTH} characters. Markdown (**bold**, *italic*) unless Markdown is off in Options.`,
};

/** Ordered media list: vault picker, vault ID, or an upload reference / http(s) URL. */
export const mediaField: INodeProperties = {
	displayName: 'Media',
	name: 'media',
	type: 'fixedCollection',
	placeholder: 'Add Media',
	typeOptions: { multipleValues: true, sortable: true },
	default: {},
	description:
		'Media in the order fans see it: vault media, the Media Upload ID output of Upload Media (upload:...), or an http(s) URL that OFAuth fetches. For a list from an expression use Options > Media List.',
	options: [
		{
			displayName: 'Item',
			name: 'items',
			values: [
				{
					displayName: 'Media',
					name: 'item',
					type: 'resourceLocator',
					default: { mode: 'list', value: '' },
					modes: [
						{
							displayName: 'From Vault',
							name: 'list',
							type: 'list',
							typeOptions: { searchListMethod: 'searchVaultMedia', searchable: true },
						},
						{
							displayName: 'Vault Media ID',
							name: 'id',
							type: 'string',
							placeholder: '4001234567',
						},
						{
							displayName: 'Upload Reference or URL',
							name: 'reference',
							type: 'string',
							placeholder: 'upload:2f0c... or https://example.com/photo.jpg',
						},
					],
				},
			],
		},
	],
};

export const ppvFields: INodeProperties[] = [
	{
		displayName: 'Price (USD)',
		name: 'price',
		type: 'number',
		required: true,
		typeOptions: { minValue: MIN_PPV_PRICE, maxValue: MAX_PPV_PRICE, numberPrecision: 2 },
		default: 9.99,
		description: `What a fan pays to unlock the media, from ${MIN_PPV_PRICE} to ${MAX_PPV_PRICE} USD (cents allowed)`,
	},
	{
		displayName: 'Preview Media Count',
		name: 'previewMediaCount',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description:
			'How many of the first media items fans see for free as a preview (0 up to the number of media items)',
	},
];

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
		description: 'Whether the text is hidden until the fan pays to unlock the message. Only for a PPV (a price is set): a free message has nothing to unlock.',
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
		description: 'OnlyFans user IDs of guests in the release form, comma-separated or an array expression',
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
		options: [...messageOptionFields, ...extra].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}

/** Reads the message fields of one item exactly as entered, for the zod schema to check. */
export function readMessageFields(
	context: IExecuteFunctions,
	itemIndex: number,
	{ ppv }: { ppv: boolean },
): MessageFieldValues {
	const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const entries = context.getNodeParameter('media.items', itemIndex, []) as Array<{ item?: { value?: unknown } | string }>;
	const media: unknown[] = [
		// an entry whose expression returns an array adds each element, in order
		...entries
			.map((entry) => (entry.item && typeof entry.item === 'object' ? entry.item.value : entry.item))
			.flatMap((value) => (Array.isArray(value) ? (value as unknown[]) : [value])),
		...toEntryList(options.mediaList),
	];
	return {
		text: context.getNodeParameter('text', itemIndex, ''),
		media,
		price: ppv ? context.getNodeParameter('price', itemIndex, undefined) : undefined,
		previewMediaCount: ppv ? context.getNodeParameter('previewMediaCount', itemIndex, 0) : undefined,
		isLockedText: options.isLockedText,
		isMarkdown: options.isMarkdown,
		replyToMessageId: options.replyToMessageId,
		userTags: options.userTags,
		releaseForms: {
			users: options.releaseFormUsers,
			partners: options.releaseFormPartners,
			guests: options.releaseFormGuests,
		},
		isForwardedMessage: options.isForwardedMessage,
	};
}
