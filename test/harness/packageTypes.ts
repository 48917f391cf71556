import type {
	ICredentialType,
	IDataObject,
	INodeType,
	INodeTypes,
	IVersionedNodeType,
} from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { OfAuthApi } from '../../credentials/OfAuthApi.credentials';
import { OnlyFansApi } from '../../credentials/OnlyFansApi.credentials';
import { OfAuth } from '../../nodes/OfAuth/OfAuth.node';

/** The package's node types, registered under the names real n8n gives them. */
export const PACKAGE = 'n8n-nodes-ofauth-messaging';

const nodeClasses: Record<string, () => INodeType> = {
	[`${PACKAGE}.ofAuth`]: () => new OfAuth(),
};

/** Lets another test file add a node type of this package (e.g. a trigger) before running it. */
export function registerNodeType(name: string, factory: () => INodeType): void {
	nodeClasses[`${PACKAGE}.${name}`] = factory;
}

export const credentialTypes: Record<string, ICredentialType> = {
	ofAuthApi: new OfAuthApi(),
	onlyFansApi: new OnlyFansApi(),
};

export class PackageNodeTypes implements INodeTypes {
	private readonly cache = new Map<string, INodeType>();

	getByName(nodeType: string): INodeType | IVersionedNodeType {
		return this.getByNameAndVersion(nodeType);
	}

	getByNameAndVersion(nodeType: string, version?: number): INodeType {
		let instance = this.cache.get(nodeType);
		if (!instance) {
			const factory = nodeClasses[nodeType];
			if (!factory) throw new Error(`Unknown node type ${nodeType}`);
			instance = NodeHelpers.getVersionedNodeType(factory(), version) as INodeType;
			this.cache.set(nodeType, instance);
		}
		return instance;
	}

	getKnownTypes(): IDataObject {
		return {};
	}
}
