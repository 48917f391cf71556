import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { encodePathSegment, apiData, apiRequest } from '../../transport';
import { adapterOf } from '../../service';
import type { PartSource } from './partSources';
import type { UploadPlan } from './uploadPlan';
import { waitUnlessCancelled } from '../../transport/wait';

function namePart(
	error: unknown,
	what: string,
	context: IExecuteFunctions,
	itemIndex: number,
): Error {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		error.message = `${what} failed: ${error.message}`;
		return error;
	}
	return new NodeOperationError(
		context.getNode(),
		`${what} failed: ${(error as Error)?.message ?? String(error)}`,
		{
			itemIndex,
		},
	);
}

/** Time allowed for one PUT: the transport's usual 2 minutes plus 1 second per 256 KiB (slow uplinks). */
export function putTimeoutMs(bytes: number): number {
	return 120_000 + Math.ceil(bytes / (256 * 1024)) * 1000;
}

/** Parts held at once: being read from the file or being sent (so disk and socket overlap). */
export const PARTS_IN_FLIGHT = 3;

/**
 * Reads each part (in order) while earlier parts are being sent, so disk and socket overlap.
 * A part being read takes a slot too: at most `inFlight` parts are held at once (read or on the
 * wire), so memory stays at `inFlight` parts. The first failure stops reading; the parts already
 * sent are awaited before it is thrown, so nothing runs on after.
 */
export async function sendOverlapped<Part, Data>(
	parts: Part[],
	inFlight: number,
	read: (part: Part) => Promise<Data>,
	send: (part: Part, data: Data) => Promise<void>,
): Promise<void> {
	const running = new Set<Promise<void>>();
	let failure: { error: unknown } | undefined;
	for (const part of parts) {
		while (running.size >= inFlight && !failure) await Promise.race(running);
		if (failure) break;
		let data: Data;
		try {
			data = await read(part);
		} catch (error) {
			failure ??= { error };
			break;
		}
		if (failure) break;
		const sending: Promise<void> = send(part, data)
			.catch((error: unknown) => {
				failure ??= { error };
			})
			.finally(() => running.delete(sending));
		running.add(sending);
	}
	await Promise.all(running);
	if (failure) throw failure.error;
}

export interface SentUpload {
	mediaUploadId: string;
	media?: IDataObject;
	uploadType: UploadPlan['uploadType'];
	parts: number;
}

/**
 * Sends the bytes as the plan says: one PUT for a single upload, else one PUT per part
 * (each retried by the transport on 5xx and broken connections, since a part PUT is
 * idempotent) followed by POST /v2/access/uploads/complete.
 */
export async function sendPlannedUpload(
	context: IExecuteFunctions,
	plan: UploadPlan,
	bytes: PartSource,
	contentType: string,
	itemIndex: number,
): Promise<SentUpload> {
	const uploadPath = `/v2/access/uploads/${encodePathSegment(plan.mediaUploadId)}`;
	if (plan.uploadType === 'single') {
		let body: IDataObject;
		try {
			const data = await bytes.read(bytes.size);
			body = await apiData<IDataObject>(context, {
				method: 'PUT',
				path: uploadPath,
				body: data,
				contentType,
				itemIndex,
				timeoutMs: putTimeoutMs(data.length),
			});
		} catch (error) {
			throw namePart(
				error,
				`Uploading the file (${bytes.size} bytes, one PUT)`,
				context,
				itemIndex,
			);
		}
		return {
			mediaUploadId: plan.mediaUploadId,
			media: mediaOf(body),
			uploadType: 'single',
			parts: 1,
		};
	}

	const total = plan.parts.length;
	const putPart = async (part: UploadPlan['parts'][number], data: Buffer) => {
		const what = `Upload part ${part.partNumber} of ${total} (bytes ${part.start}-${part.start + part.length - 1})`;
		try {
			await apiRequest(context, {
				method: 'PUT',
				path: `${uploadPath}/parts/${part.partNumber}`,
				body: data,
				contentType: 'application/octet-stream',
				itemIndex,
				timeoutMs: putTimeoutMs(data.length),
			});
		} catch (error) {
			throw namePart(error, what, context, itemIndex);
		}
		bytes.release(data);
	};
	await sendOverlapped(
		plan.parts,
		PARTS_IN_FLIGHT,
		async (part) => {
			try {
				return await bytes.read(part.length);
			} catch (error) {
				throw namePart(error, `Reading part ${part.partNumber} of ${total}`, context, itemIndex);
			}
		},
		putPart,
	);
	let body: IDataObject;
	try {
		body = await apiData<IDataObject>(context, {
			...adapterOf(context).completeUpload(plan.mediaUploadId),
			itemIndex,
		});
	} catch (error) {
		throw namePart(error, `Completing the upload after all ${total} parts`, context, itemIndex);
	}
	return {
		mediaUploadId: plan.mediaUploadId,
		media: mediaOf(body),
		uploadType: 'multipart',
		parts: total,
	};
}

function mediaOf(body: IDataObject): IDataObject | undefined {
	return body.media && typeof body.media === 'object' ? (body.media as IDataObject) : undefined;
}

/** How many of the newest vault items are scanned for the upload on each poll (the API's page maximum). */
const READY_SCAN_SIZE = 40;

/**
 * Polls the vault until OnlyFans has processed the uploaded media (`isReady`), so the next
 * node can send it at once. OFAuth has no "get one vault media" call: each poll reads the
 * newest page of the vault (GET /v2/access/vault/media, most recent first) and looks for the
 * media's ID. Throws when it is not ready within the timeout.
 */
export async function waitUntilReady(
	context: IExecuteFunctions,
	media: IDataObject,
	options: { timeoutSeconds: number; intervalSeconds: number },
	itemIndex: number,
): Promise<{ media: IDataObject; polls: number }> {
	const mediaId = String(media.id);
	let current = media;
	let polls = 0;
	const deadline = Date.now() + options.timeoutSeconds * 1000;
	while (current.isReady !== true) {
		if (polls > 0) {
			if (Date.now() >= deadline) {
				throw new NodeOperationError(
					context.getNode(),
					`The uploaded media ${mediaId} was not ready after ${options.timeoutSeconds} seconds`,
					{
						itemIndex,
						description:
							'OnlyFans is still processing it (large videos take a while). Raise Options > Wait Timeout (Seconds), or send it later by its media ID.',
					},
				);
			}
			await waitUnlessCancelled(
				context,
				Math.max(0, Math.min(options.intervalSeconds * 1000, deadline - Date.now())),
				itemIndex,
			);
		}
		polls++;
		const page = await apiData<IDataObject>(context, {
			method: 'GET',
			path: '/v2/access/vault/media',
			qs: { limit: READY_SCAN_SIZE, offset: 0, sortBy: 'recent', sortDirection: 'desc' },
			itemIndex,
		});
		const list = Array.isArray(page.list) ? (page.list as IDataObject[]) : [];
		const found = list.find((entry) => String(entry.id) === mediaId);
		if (found) current = found;
	}
	return { media: current, polls };
}
