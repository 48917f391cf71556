import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';
import { typeMessages } from './zodMessages';

import { labelsOf, parseFields } from './validate';

/** Which mass message Get, Update, Delete and Get Buyers act on. */

export function massMessageIdField(description: string): INodeProperties {
	return {
		displayName: 'Mass Message ID',
		name: 'massMessageId',
		type: 'string',
		required: true,
		default: '',
		placeholder: '9001',
		description,
	};
}

/** A mass message ID: digits only. */
export const massMessageIdSchema = z.object({
	massMessageId: z.preprocess(
		(value) =>
			value === undefined || value === null
				? ''
				: typeof value === 'number'
					? String(value)
					: typeof value === 'string'
						? value.trim()
						: value,
		z
			.string(typeMessages({ invalidType: 'must be a mass message ID made of digits, e.g. 9001' }))
			.min(
				1,
				'is empty: enter the ID of a mass message (the "id" that Create Mass Message returns)',
			)
			.regex(
				/^\d+$/,
				'must be a mass message ID made of digits, e.g. 9001 (the "id" that Create Mass Message returns)',
			)
			.refine((id) => /[1-9]/.test(id), 'must be a positive mass message ID, e.g. 9001'),
	),
});

export function readMassMessageId(context: IExecuteFunctions, itemIndex: number): string {
	return parseFields(
		massMessageIdSchema,
		{ massMessageId: context.getNodeParameter('massMessageId', itemIndex, '') },
		context.getNode(),
		itemIndex,
		labelsOf([massMessageIdField('')]),
	).massMessageId;
}
