import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { OfAuthResponse } from '../../../shared/transport';
import { encodePathSegment, ofauthApi, ofauthRequest } from '../../../shared/transport';
import { headerValue } from '../../../shared/transport/headers';
import { waitUnlessCancelled } from '../../../shared/transport/wait';

/**
 * The bytes of one file, handed out part by part. A part is only held until its PUT
 * succeeded (a failed part is sent again from the same bytes), so a file on disk never
 * needs more memory than about one part plus the read-ahead of its stream.
 */
export interface PartSource {
	readonly size: number;
	/** The next `length` bytes. The returned buffer may be reused by the following call. */
	read(length: number): Promise<Buffer>;
	/** Releases the underlying stream (always called, also after a failure). */
	close(): Promise<void>;
}

/** A file already in memory (n8n's default binary mode): parts are views, nothing is copied. */
export function bufferSource(buffer: Buffer): PartSource {
	let offset = 0;
	return {
		size: buffer.length,
		async read(length) {
			const part = buffer.subarray(offset, offset + length);
			offset += part.length;
			return part;
		},
		async close() {},
	};
}

interface ByteStream {
	[Symbol.asyncIterator](): AsyncIterator<unknown>;
	destroy?(error?: Error): unknown;
}

/**
 * A stream (a file in n8n's filesystem mode, or an HTTP download) read part by part into
 * one reusable buffer of the largest part's size.
 */
export function streamSource(stream: ByteStream, size: number, describe: string): PartSource {
	const iterator = stream[Symbol.asyncIterator]();
	let leftover: Buffer | undefined;
	let scratch: Buffer | undefined;
	let delivered = 0;
	return {
		size,
		async read(length) {
			if (!scratch || scratch.length < length) scratch = Buffer.allocUnsafe(length);
			const part = scratch.subarray(0, length);
			let filled = 0;
			while (filled < length) {
				let chunk = leftover;
				leftover = undefined;
				if (!chunk) {
					const next = await iterator.next();
					if (next.done) break;
					chunk = Buffer.isBuffer(next.value) ? next.value : Buffer.from(next.value as Uint8Array);
				}
				const take = Math.min(chunk.length, length - filled);
				chunk.copy(part, filled, 0, take);
				filled += take;
				if (take < chunk.length) leftover = chunk.subarray(take);
			}
			delivered += filled;
			if (filled < length) {
				throw new Error(`${describe} ended after ${delivered} of ${size} bytes`);
			}
			return part;
		},
		async close() {
			leftover = undefined;
			scratch = undefined;
			try {
				await iterator.return?.();
			} catch {
				// closing a failed stream may throw again; nothing to do
			}
			stream.destroy?.();
		},
	};
}

export interface PlannedPart {
	partNumber: number;
	start: number;
	length: number;
}

export interface UploadPlan {
	mediaUploadId: string;
	uploadType: 'single' | 'multipart';
	parts: PlannedPart[];
	/** Where the plan came from: the JSON body (current API) or the x-ofauth-upload-* headers (older form). */
	source: 'body' | 'headers' | 'none';
}

function positiveInt(value: unknown): number | undefined {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	return typeof number === 'number' && Number.isInteger(number) && number > 0 ? number : undefined;
}

/**
 * Reads the upload plan from the init answer: `{uploadType, partSize, totalParts, parts[].byteRange}`
 * in the body, or the older `x-ofauth-upload-total-parts` / `x-ofauth-upload-part-size` headers.
 * With neither, the file goes up in one PUT. The parts must cover the file exactly.
 */
export function readUploadPlan(
	context: IExecuteFunctions,
	response: OfAuthResponse<IDataObject>,
	size: number,
	itemIndex: number,
): UploadPlan {
	const { body, headers } = response;
	const mediaUploadId = typeof body.mediaUploadId === 'string' ? body.mediaUploadId : '';
	const invalid = (problem: string) =>
		new NodeOperationError(context.getNode(), `OFAuth returned an upload plan this node cannot follow: ${problem}`, {
			itemIndex,
			description:
				'Nothing was uploaded. Run the node again; if it keeps happening, report it to OFAuth support with the answer of POST /v2/access/uploads/init.',
		});
	if (!mediaUploadId) throw invalid('no mediaUploadId');

	const bodyType = typeof body.uploadType === 'string' ? body.uploadType : undefined;
	const headerType = headerValue(headers, 'x-ofauth-upload-type') || undefined;
	const bodyPartSize = positiveInt(body.partSize);
	const bodyTotal = positiveInt(body.totalParts);
	const headerPartSize = positiveInt(headerValue(headers, 'x-ofauth-upload-part-size'));
	const headerTotal = positiveInt(headerValue(headers, 'x-ofauth-upload-total-parts'));
	const listed = Array.isArray(body.parts) ? (body.parts as IDataObject[]) : [];

	let source: UploadPlan['source'] = 'none';
	let parts: PlannedPart[] = [];
	if (listed.length && listed.every((part) => part.byteRange && typeof part.byteRange === 'object')) {
		source = 'body';
		parts = listed
			.map((part, index) => {
				const range = part.byteRange as IDataObject;
				const start = Number(range.start);
				const end = Number(range.end);
				return { partNumber: positiveInt(part.partNumber) ?? index + 1, start, length: end - start + 1 };
			})
			.sort((a, b) => a.partNumber - b.partNumber);
	} else {
		const partSize = bodyPartSize ?? headerPartSize;
		const total = bodyTotal ?? headerTotal;
		if (partSize || total) {
			source = bodyPartSize || bodyTotal ? 'body' : 'headers';
			const size1 = partSize ?? Math.ceil(size / (total as number));
			const count = total ?? Math.ceil(size / size1);
			for (let n = 1; n <= count; n++) {
				const start = (n - 1) * size1;
				parts.push({ partNumber: n, start, length: Math.min(size, start + size1) - start });
			}
		} else {
			parts = [{ partNumber: 1, start: 0, length: size }];
		}
	}

	let expectedStart = 0;
	for (const [index, part] of parts.entries()) {
		if (part.partNumber !== index + 1) throw invalid(`part numbers are not 1..${parts.length}`);
		if (!Number.isInteger(part.start) || !Number.isInteger(part.length) || part.length <= 0) {
			throw invalid(`part ${part.partNumber} has no valid byte range`);
		}
		if (part.start !== expectedStart) throw invalid(`part ${part.partNumber} does not start at byte ${expectedStart}`);
		expectedStart += part.length;
	}
	if (expectedStart !== size) throw invalid(`the parts cover ${expectedStart} bytes but the file has ${size}`);

	const declared = bodyType ?? headerType;
	const uploadType: UploadPlan['uploadType'] =
		declared === 'single' || declared === 'multipart' ? declared : parts.length > 1 ? 'multipart' : 'single';
	if (uploadType === 'single' && parts.length > 1) throw invalid('a single upload with several parts');
	return { mediaUploadId, uploadType, parts, source };
}

/** Adds which part failed (and how far the upload got) to a failure, keeping its status and hint. */
function namePart(error: unknown, what: string, context: IExecuteFunctions, itemIndex: number): Error {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		error.message = `${what} failed: ${error.message}`;
		return error;
	}
	return new NodeOperationError(context.getNode(), `${what} failed: ${(error as Error)?.message ?? String(error)}`, {
		itemIndex,
	});
}

/** Time allowed for one PUT: the transport's usual 2 minutes plus 1 second per 256 KiB (slow uplinks). */
export function putTimeoutMs(bytes: number): number {
	return 120_000 + Math.ceil(bytes / (256 * 1024)) * 1000;
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
			body = await ofauthApi<IDataObject>(context, {
				method: 'PUT',
				path: uploadPath,
				body: data,
				contentType,
				itemIndex,
				timeoutMs: putTimeoutMs(data.length),
			});
		} catch (error) {
			throw namePart(error, `Uploading the file (${bytes.size} bytes, one PUT)`, context, itemIndex);
		}
		return { mediaUploadId: plan.mediaUploadId, media: mediaOf(body), uploadType: 'single', parts: 1 };
	}

	const total = plan.parts.length;
	for (const part of plan.parts) {
		const what = `Upload part ${part.partNumber} of ${total} (bytes ${part.start}-${part.start + part.length - 1})`;
		try {
			const data = await bytes.read(part.length);
			await ofauthRequest(context, {
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
	}
	let body: IDataObject;
	try {
		body = await ofauthApi<IDataObject>(context, {
			method: 'POST',
			path: '/v2/access/uploads/complete',
			body: { mediaUploadId: plan.mediaUploadId },
			itemIndex,
		});
	} catch (error) {
		throw namePart(error, `Completing the upload after all ${total} parts`, context, itemIndex);
	}
	return { mediaUploadId: plan.mediaUploadId, media: mediaOf(body), uploadType: 'multipart', parts: total };
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
			await waitUnlessCancelled(context, Math.max(0, Math.min(options.intervalSeconds * 1000, deadline - Date.now())), itemIndex);
		}
		polls++;
		const page = await ofauthApi<IDataObject>(context, {
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
