import type { INodeProperties } from 'n8n-workflow';

/** Shows an operation's fields only for that resource and operation (keeps operation files free of routing). */
export function displayFor(resource: string, operation: string, properties: INodeProperties[]): INodeProperties[] {
	return properties.map((property) => ({
		...property,
		displayOptions: {
			...property.displayOptions,
			show: { ...property.displayOptions?.show, resource: [resource], operation: [operation] },
		},
	}));
}
