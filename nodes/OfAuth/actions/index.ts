import type { INodeProperties } from 'n8n-workflow';

import * as chat from './chat';
import * as massMessage from './massMessage';
import * as media from './media';
import * as message from './message';
import type { OperationModule } from './types';
import * as vault from './vault';

/** Every resource of the OFAuth node. Add a resource here and nowhere else. */
const resources = [chat, message, massMessage, media, vault];

export const resourceOptions = resources.map((resource) => resource.resourceOption);

export const operationDescriptions: INodeProperties[] = resources.flatMap((resource) => resource.description);

export function findOperation(resource: string, operation: string): OperationModule | undefined {
	return resources.find((entry) => entry.resourceOption.value === resource)?.operations[operation];
}
