import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { CHAT_URL_PATTERN, fanIdSchema } from '../../validation/messageBody';
import { parseFields, throwInvalidField } from '../../validation/validate';

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
						properties: { regex: '^\\s*\\d+\\s*$', errorMessage: 'An OnlyFans user ID is made of digits, e.g. 123456' },
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
							errorMessage: 'Paste an OnlyFans chat URL, e.g. https://onlyfans.com/my/chats/chat/123456/',
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
export function readFanId(context: IExecuteFunctions, itemIndex: number, parameterName = 'fan'): string {
	let value: unknown;
	try {
		value = context.getNodeParameter(parameterName, itemIndex, '', { extractValue: true });
	} catch {
		// the URL mode's extractValue refused the value: digits still do, anything else gets our message
		const raw = context.getNodeParameter(parameterName, itemIndex, '') as { value?: unknown } | string;
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
	return parseFields(fanSchema, { fan: value }, context.getNode(), itemIndex, { fan: FAN_LABEL }).fan;
}
