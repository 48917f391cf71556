import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';
import { typeMessages } from './zodMessages';

import { parseFields, throwInvalidField } from './validate';

/**
 * An OnlyFans chat URL such as https://onlyfans.com/my/chats/chat/123456/ ; group 1 is the fan's user ID.
 * A string (not a RegExp) so n8n's resource locator `extractValue` can use it too.
 */
export const CHAT_URL_PATTERN =
	'^\\s*https?://(?:www\\.)?onlyfans\\.com/my/chats/chat/(\\d+)(?:[/?#].*)?\\s*$';
const chatUrl = new RegExp(CHAT_URL_PATTERN, 'i');

/** An OnlyFans user ID (the fan): digits, a number, or a chat URL (the ID is taken from it). */
export const fanIdSchema = z.preprocess(
	(value) => {
		if (value === undefined || value === null) return '';
		if (typeof value === 'number') return Number.isInteger(value) ? String(value) : value;
		if (typeof value !== 'string') return value;
		return chatUrl.exec(value)?.[1] ?? value.trim();
	},
	z
		.string(
			typeMessages({
				invalidType: 'must be an OnlyFans user ID made of digits (e.g. 123456), or a chat URL',
			}),
		)
		.min(1, 'is empty: pick a fan, or enter an OnlyFans user ID (digits) or chat URL')
		.regex(
			/^\d+$/,
			'must be an OnlyFans user ID made of digits (e.g. 123456), or a chat URL like https://onlyfans.com/my/chats/chat/123456/',
		)
		// checked on digits only: a value that is not digits already got the message above
		.refine(
			(value) => !/^\d+$/.test(value) || /[1-9]/.test(value),
			'must be a positive OnlyFans user ID, e.g. 123456',
		)
		.refine(
			(value) => !/^\d+$/.test(value) || value.length <= 15,
			'is too long for an OnlyFans user ID',
		),
);

/**
 * The fan a chat operation acts on: picked from the chats list, typed as an OnlyFans user ID,
 * or pasted as an OnlyFans chat URL. Any mode also takes an expression (e.g. `{{ $json.fanId }}`
 * from a CRM row or sheet).
 */
export function fanField(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Fan',
		name: 'fan',
		type: 'resourceLocator',
		required: true,
		default: { mode: 'list', value: '' },
		description: 'The fan (OnlyFans user) whose chat this is',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a fan...',
				typeOptions: { searchListMethod: 'searchFans', searchable: true },
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
				displayName: 'By Chat URL',
				name: 'url',
				type: 'string',
				placeholder: 'https://onlyfans.com/my/chats/chat/123456/',
				extractValue: { type: 'regex', regex: CHAT_URL_PATTERN },
				validation: [
					{
						type: 'regex',
						properties: {
							regex: CHAT_URL_PATTERN,
							errorMessage:
								'Paste an OnlyFans chat URL, e.g. https://onlyfans.com/my/chats/chat/123456/',
						},
					},
				],
			},
		],
		...overrides,
	};
}

const FAN_LABEL = 'Fan';
const fanSchema = z.object({ fan: fanIdSchema });

/**
 * The fan's OnlyFans user ID for one item, checked before any request. A chat URL in any mode
 * (or a number from an expression) is accepted; anything else is a clear error naming the item.
 */
export function readFanId(
	context: IExecuteFunctions,
	itemIndex: number,
	parameterName = 'fan',
): string {
	let value: unknown;
	try {
		value = context.getNodeParameter(parameterName, itemIndex, '', { extractValue: true });
	} catch {
		// the URL mode's extractValue refused the value: digits still do, anything else gets our message
		const raw = context.getNodeParameter(parameterName, itemIndex, '') as
			| { value?: unknown }
			| string;
		const shown = typeof raw === 'object' && raw !== null ? raw.value : raw;
		const asId = fanIdSchema.safeParse(shown);
		if (asId.success) return asId.data;
		return throwInvalidField(
			context.getNode(),
			itemIndex,
			FAN_LABEL,
			`"${String(shown).slice(0, 100)}" is not an OnlyFans chat URL: use one like https://onlyfans.com/my/chats/chat/123456/, or switch the mode to By User ID`,
		);
	}
	return parseFields(fanSchema, { fan: value }, context.getNode(), itemIndex, { fan: FAN_LABEL })
		.fan;
}
