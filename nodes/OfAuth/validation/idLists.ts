/**
 * Lists of IDs arrive from the UI in many shapes: an array from an expression, a number,
 * or text such as "123, 456". These turn them into arrays of raw entries for zod to check.
 */
export function toEntryList(value: unknown): unknown[] {
	if (value === undefined || value === null || value === '') return [];
	if (Array.isArray(value)) return value.flatMap((entry) => (Array.isArray(entry) ? entry : [entry]));
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
