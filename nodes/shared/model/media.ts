import type { INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { positiveId, toEntryList } from './ids';

/** The media of a message: the field where the user lists them and the schema that checks each entry. */

/** Ordered media list: vault picker, vault ID, or an upload reference / http(s) URL. */
export const mediaField: INodeProperties = {
	displayName: 'Media',
	name: 'media',
	type: 'fixedCollection',
	placeholder: 'Add Media',
	typeOptions: { multipleValues: true, sortable: true },
	default: {},
	description:
		'Media in the order fans see it: vault media, the Media Upload ID output of Upload Media%mediaSources%. For a list from an expression use Options > Media List.',
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

/** An upload made by Upload Media: OFAuth's upload:<uuid> (or ofauth_upload_...), OnlyFansAPI.com's ofapi_media_... */
const UPLOAD_REFERENCE =
	/^(upload:[0-9a-f-]{8,}|ofauth_upload_[A-Za-z0-9_-]+|ofapi_media_[A-Za-z0-9_-]+)$/i;

const NOT_MEDIA =
	'is neither a vault media ID (digits), an upload reference (upload:<uuid> from Upload Media) nor an http(s) URL';

const vaultMediaId = positiveId('vault media ID');
const uploadReference = z.string().regex(UPLOAD_REFERENCE, NOT_MEDIA);
const mediaUrl = z
	.string()
	.url(NOT_MEDIA)
	.regex(/^https?:\/\//i, NOT_MEDIA);

/** which kind of media entry a value is written as, so its own check (and message) applies */
function mediaEntrySchema(value: unknown) {
	if (typeof value === 'number' || (typeof value === 'string' && /^\d+$/.test(value)))
		return vaultMediaId;
	if (typeof value !== 'string') return undefined;
	return /^(upload:|ofauth_upload_|ofapi_media_)/i.test(value) ? uploadReference : mediaUrl;
}

/**
 * One media entry: a vault media ID, an upload reference from Upload Media, or an http(s) URL. Chosen
 * by its form rather than by a zod union, whose failure message differs between zod 3 and zod 4.
 */
export const mediaItem = z.preprocess(
	(value) => (typeof value === 'string' ? value.trim() : value),
	z.unknown().transform((value, context): number | string => {
		const schema = mediaEntrySchema(value);
		const result = schema?.safeParse(value);
		if (result?.success) return result.data;
		for (const issue of result?.error.issues ?? [{ message: NOT_MEDIA, path: [] }])
			context.addIssue({ code: 'custom', message: issue.message, path: issue.path });
		return z.NEVER;
	}),
);

export const mediaList = z.preprocess(toEntryList, z.array(mediaItem));
