import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { OfAuthSimulator, SimulatorOptions } from '../simulator';
import { startSimulator } from '../simulator';
import { accountIdOf } from '../simulator/onlyFansApi';

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

/** Credential values that point the OnlyFansAPI.com credential at the simulator's OnlyFansAPI.com mode. */
export function onlyFansApiCredentials(
	sim: OfAuthSimulator,
	overrides: ICredentialDataDecryptedObject = {},
): ICredentialDataDecryptedObject {
	return {
		apiKey: sim.apiKey,
		baseUrl: 'custom',
		customBaseUrl: `${sim.baseUrl}/api`,
		defaultConnectionId: accountIdOf(sim.connectionId),
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

/**
 * A finished single-part upload made straight at the simulator (init + one PUT), the way media lands
 * in the vault from another tool. Returns the upload reference and the vault media it became; the
 * requests it made are cleared.
 */
export async function uploadInSimulator(
	sim: OfAuthSimulator,
	filename = 'clip.mp4',
	contentType = 'video/mp4',
): Promise<{ reference: string; mediaId: number }> {
	const headers = { apiKey: sim.apiKey, 'x-connection-id': sim.connectionId };
	const bytes = Buffer.from(`bytes of ${filename}`);
	const init = await fetch(`${sim.baseUrl}/v2/access/uploads/init`, {
		method: 'POST',
		headers: { ...headers, 'content-type': 'application/json' },
		body: JSON.stringify({ filename, size: bytes.length, contentType }),
	});
	const { mediaUploadId } = (await init.json()) as { mediaUploadId: string };
	const put = await fetch(`${sim.baseUrl}/v2/access/uploads/${encodeURIComponent(mediaUploadId)}`, {
		method: 'PUT',
		headers: { ...headers, 'content-type': contentType },
		body: bytes,
	});
	if (!put.ok) throw new Error(`upload PUT failed: ${put.status}`);
	const { media } = (await put.json()) as { media: { id: number } };
	sim.clearRequests();
	return { reference: mediaUploadId, mediaId: media.id };
}
