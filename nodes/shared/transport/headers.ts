/** HTTP headers as Node and n8n hand them over: any case, a value or a list of values. */
export type Headers = Record<string, unknown> | undefined;

/** The first value of a header, whatever the case of its name, trimmed; '' when absent. */
export function headerValue(headers: Headers, name: string): string {
	if (!headers) return '';
	const wanted = name.toLowerCase();
	for (const [key, raw] of Object.entries(headers)) {
		if (key.toLowerCase() !== wanted) continue;
		const value: unknown = Array.isArray(raw) ? raw[0] : raw;
		return value === undefined || value === null ? '' : String(value).trim();
	}
	return '';
}
