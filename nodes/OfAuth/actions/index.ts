import type { INodeProperties } from 'n8n-workflow';

import * as chat from './chat';
import * as message from './message';
import type { OperationModule } from './types';

/** Every resource of the OFAuth node. Add a resource here and nowhere else. */
const resources = [chat, message];

export const resourceOptions = resources.map((resource) => resource.resourceOption);

export const operationDescriptions: INodeProperties[] = resources.flatMap((resource) => resource.description);

export function findOperation(resource: string, operation: string): OperationModule | undefined {
	return resources.find((entry) => entry.resourceOption.value === resource)?.operations[operation];
}
