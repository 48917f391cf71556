import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { OfAuthSimulator, SimulatorOptions } from '../simulator';
import { startSimulator } from '../simulator';

/** Credential values that point the OFAuth API credential at a simulator. */
export function simulatorCredentials(
	sim: OfAuthSimulator,
	overrides: ICredentialDataDecryptedObject = {},
): ICredentialDataDecryptedObject {
	return {
		apiKey: sim.apiKey,
		baseUrl: 'custom',
		customBaseUrl: sim.baseUrl,
		defaultConnectionId: sim.connectionId,
		...overrides,
	};
}

/**
 * One simulator per test file, reset before each test so every test starts from the seed
 * with no recorded requests and no faults.
 */
export function useSimulator(options: SimulatorOptions = {}): () => OfAuthSimulator {
	let sim: OfAuthSimulator | undefined;
	beforeAll(async () => {
		sim = await startSimulator(options);
	});
	beforeEach(() => sim?.reset());
	afterAll(async () => {
		await sim?.close();
	});
	return () => {
		if (!sim) throw new Error('simulator not started');
		return sim;
	};
}
