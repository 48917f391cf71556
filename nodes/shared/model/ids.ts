import { z } from 'zod';
import { typeMessages } from './zodMessages';

/**
 * Lists of IDs arrive from the UI in many shapes: an array from an expression, a number,
 * or text such as "123, 456". These turn them into arrays of raw entries for zod to check.
 */
export function toEntryList(value: unknown): unknown[] {
	if (value === undefined || value === null || value === '') return [];
	if (Array.isArray(value))
		return value.flatMap((entry) => (Array.isArray(entry) ? entry : [entry]));
	if (typeof value === 'string') {
		const text = value.trim();
		if (text.startsWith('[')) {
			try {
				const parsed: unknown = JSON.parse(text);
				if (Array.isArray(parsed)) return parsed;
			} catch {
				// not JSON: fall through to comma splitting
			}
		}
		return text
			.split(/[,\n]/)
			.map((entry) => entry.trim())
			.filter((entry) => entry !== '');
	}
	return [value];
}

/** A positive whole number given as a number or as digits ("123"). */
export const positiveId = (what: string) => {
	const anId = `${/^[aeiou]/i.test(what) ? 'an' : 'a'} ${what}`;
	return z.preprocess(
		(value) => (typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value),
		z
			.number(
				typeMessages({
					required: `is empty: enter ${anId} made of digits, e.g. 123456`,
					invalidType: `must be ${anId} made of digits, e.g. 123456`,
				}),
			)
			.int(`must be a whole-number ${what}, e.g. 123456`)
			.positive(`must be a positive ${what}`)
			.max(Number.MAX_SAFE_INTEGER, `is too large for ${anId}`),
	);
};

export const idList = (what: string) => z.preprocess(toEntryList, z.array(positiveId(what)));
