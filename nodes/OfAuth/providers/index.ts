import type { NodeContext } from '../../shared/transport';
import { providerOf } from '../../shared/transport/provider';
import { ofauth } from './ofauth';
import { onlyfansapi } from './onlyfansapi';
import type { ProviderAdapter } from './types';

/** The adapter of the provider the node is set to (its Authentication field). */
export function adapterOf(context: NodeContext): ProviderAdapter {
	return providerOf(context).credential === 'onlyFansApi' ? onlyfansapi : ofauth;
}

export { ProviderLimit } from './types';
export type { OneRequestUpload, ProviderAdapter, ProviderList, ProviderRequest } from './types';
