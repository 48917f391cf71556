/**
 * The node's own texts for a value of the wrong type, in a form both zod majors read. Inside n8n the
 * node imports whichever zod that n8n ships (zod is not a runtime dependency of this package): zod 3
 * reads `required_error`, `invalid_type_error` and `errorMap`, zod 4 reads only `error` and ignores the
 * rest. Every schema sets these through the two functions below, never through one major's options.
 */

interface ZodIssueInput {
	input?: unknown;
}

/** a text for an empty value and one for a value of another type (the same text when `required` is omitted) */
export function typeMessages(messages: { required?: string; invalidType: string }) {
	const { invalidType, required = invalidType } = messages;
	return {
		required_error: required,
		invalid_type_error: invalidType,
		error: (issue: ZodIssueInput) => (issue.input === undefined ? required : invalidType),
	};
}

/** one text for any failure of a union or enum */
export function oneMessage(message: string) {
	return { errorMap: () => ({ message }), error: () => message };
}
