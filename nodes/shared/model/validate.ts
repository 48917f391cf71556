import type { INode, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { ZodIssue, ZodType, ZodTypeDef } from 'zod';

/** Field path of what the user entered (e.g. `price`, `media.2`) -> the label the user sees in the node. */
export type FieldLabels = Record<string, string>;

/** The labels of node fields, by name, also of the options inside collections: each label is written once, in its field. */
export function labelsOf(fields: INodeProperties[]): FieldLabels {
	const labels: FieldLabels = {};
	for (const field of fields) {
		labels[field.name] = field.displayName;
		if (field.type === 'collection' && Array.isArray(field.options))
			Object.assign(labels, labelsOf(field.options as INodeProperties[]));
	}
	return labels;
}

function labelFor(issue: ZodIssue, labels: FieldLabels): string {
	const path = issue.path.map(String);
	for (let length = path.length; length > 0; length--) {
		const label = labels[path.slice(0, length).join('.')];
		if (label) {
			const rest = path.slice(length);
			return rest.length && /^\d+$/.test(rest[0])
				? `${label} (entry ${Number(rest[0]) + 1})`
				: label;
		}
	}
	return path.length ? path.join('.') : 'Input';
}

/**
 * Validates what the user entered against the schema that produces the exact API body.
 * On failure: a NodeOperationError naming the field, the item and the fix. Nothing is sent.
 */
export function parseFields<Output, Input>(
	schema: ZodType<Output, ZodTypeDef, Input>,
	input: unknown,
	node: INode,
	itemIndex: number,
	labels: FieldLabels,
): Output {
	const result = schema.safeParse(input);
	if (result.success) return result.data;
	const [first, ...others] = result.error.issues;
	const field = labelFor(first, labels);
	const more = others.length
		? ` Also: ${others
				.slice(0, 3)
				.map((issue) => `${labelFor(issue, labels)}: ${issue.message}`)
				.join(' ')}`
		: '';
	return throwInvalidField(node, itemIndex, field, `${first.message}${more}`);
}

/** The error of a field that is wrong on one item: the field, the item, the problem and the fix; nothing is sent. */
export function invalidField(
	node: INode,
	itemIndex: number,
	field: string,
	problem: string,
): NodeOperationError {
	const error = new NodeOperationError(
		node,
		`Invalid "${field}" on item ${itemIndex}: ${problem}`,
		{
			itemIndex,
			description: `Fix "${field}" for item ${itemIndex} and run the node again. Nothing was sent for this item.`,
		},
	);
	error.context.field = field;
	return error;
}

export function throwInvalidField(
	node: INode,
	itemIndex: number,
	field: string,
	problem: string,
): never {
	throw invalidField(node, itemIndex, field, problem);
}
