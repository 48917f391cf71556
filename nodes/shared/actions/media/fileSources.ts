import { createHash } from 'node:crypto';

import type {
	IBinaryData,
	IDataObject,
	IExecuteFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { headerValue } from '../../transport/headers';
import { throwInvalidField } from '../../model/validate';
import type { PartSource } from './partSources';
import { bufferSource, streamSource } from './partSources';

/** Where Upload Media takes a file from: the item's binary data (any n8n binary mode) or a URL, checked before anything is sent. */

/** Bytes read from disk or the network at a time; a part is assembled from these. */
const READ_CHUNK = 64 * 1024;
/** Read size for a file in n8n's binary data store: large reads leave few buffers for the garbage collector. */
const STORED_FILE_CHUNK = 1024 * 1024;
/** A download without Content-Length has to be read whole before the upload can start. */
const MAX_UNSIZED_DOWNLOAD = 100 * 1024 * 1024;

/** The options that change how a file is read: a file name and a content type that override the file's own. */
export interface FileOptions {
	fileName?: string;
	contentType?: string;
}

const MEDIA_TYPE = /^(image|video|audio)\/[\w.+-]+$/i;

export interface FileToUpload {
	fileName: string;
	contentType: string;
	size: number;
	/** Opens the bytes (called again for a second pass, e.g. the duplicate check). */
	open(): Promise<PartSource>;
	/** Lets go of a download that was never read (e.g. the init call failed). */
	release?(): void;
	binary?: INodeExecutionData['binary'];
}

function fileNameFromBinary(binary: IBinaryData): string {
	if (binary.fileName) return binary.fileName;
	return binary.fileExtension ? `upload.${binary.fileExtension}` : 'upload';
}

function checkContentType(
	context: IExecuteFunctions,
	itemIndex: number,
	contentType: string,
	from: string,
): string {
	const clean = contentType.split(';')[0].trim();
	if (!MEDIA_TYPE.test(clean)) {
		throwInvalidField(
			context.getNode(),
			itemIndex,
			'Content Type',
			`${from} is "${clean || 'unknown'}", but the OnlyFans vault takes photos, videos and audio only. Set Options > Content Type (e.g. image/jpeg) if the file really is one.`,
		);
	}
	return clean;
}

export async function fileFromBinary(
	context: IExecuteFunctions,
	itemIndex: number,
	options: FileOptions,
): Promise<FileToUpload> {
	const property = String(context.getNodeParameter('binaryPropertyName', itemIndex, 'data')).trim();
	const item = context.getInputData()[itemIndex];
	if (!property || !item?.binary?.[property]) {
		const present = Object.keys(item?.binary ?? {});
		throwInvalidField(
			context.getNode(),
			itemIndex,
			'Input Binary Field',
			`the input item has no binary property "${property}" (${
				present.length ? `it has: ${present.join(', ')}` : 'it has no binary data at all'
			}). Enter the name of the property that holds the file, or make sure the previous node outputs a file.`,
		);
	}
	const binary = context.helpers.assertBinaryData(itemIndex, property);
	const fileName = options.fileName || fileNameFromBinary(binary);
	const contentType = options.contentType
		? checkContentType(context, itemIndex, options.contentType, 'The Content Type option')
		: checkContentType(
				context,
				itemIndex,
				binary.mimeType ?? '',
				`The MIME type of binary property "${property}"`,
			);

	if (binary.id) {
		// n8n keeps the file on disk (filesystem mode): stream it, never load it whole
		const binaryId = binary.id;
		const metadata = await context.helpers.getBinaryMetadata(binaryId);
		const size = metadata.fileSize ?? binary.bytes ?? 0;
		return {
			fileName,
			contentType,
			size,
			binary: item.binary,
			open: async () =>
				streamSource(
					await context.helpers.getBinaryStream(binaryId, STORED_FILE_CHUNK),
					size,
					`The binary file "${fileName}"`,
				),
		};
	}
	// kept in the item as base64 (memory mode): decoded only when this item's upload starts
	return {
		fileName,
		contentType,
		size: Buffer.byteLength(binary.data, 'base64'),
		binary: item.binary,
		open: async () => bufferSource(await context.helpers.getBinaryDataBuffer(itemIndex, property)),
	};
}

function fileNameFromUrl(url: URL): string {
	const last = url.pathname.split('/').filter(Boolean).pop();
	try {
		return last ? decodeURIComponent(last) : 'upload';
	} catch {
		return last ?? 'upload';
	}
}

/** The URL field, checked before any download: an http(s) URL; a Content Type option must be a media type. */
export function checkUrlSource(
	context: IExecuteFunctions,
	itemIndex: number,
	options: FileOptions,
): URL {
	const address = String(context.getNodeParameter('url', itemIndex, '')).trim();
	let url: URL | undefined;
	try {
		url = new URL(address);
	} catch {
		url = undefined;
	}
	if (!url || !/^https?:$/.test(url.protocol)) {
		throwInvalidField(
			context.getNode(),
			itemIndex,
			'URL',
			`"${address}" is not an http(s) URL, e.g. https://example.com/photo.jpg`,
		);
	}
	if (options.contentType)
		checkContentType(context, itemIndex, options.contentType, 'The Content Type option');
	return url;
}

export async function fileFromUrl(
	context: IExecuteFunctions,
	itemIndex: number,
	options: FileOptions,
	url: URL,
): Promise<FileToUpload> {
	let response: IN8nHttpFullResponse;
	try {
		response = (await context.helpers.httpRequest({
			method: 'GET',
			url: url.toString(),
			encoding: 'stream',
			returnFullResponse: true,
		})) as IN8nHttpFullResponse;
	} catch (error) {
		throw new NodeOperationError(
			context.getNode(),
			`Could not download ${url.toString()}: ${(error as Error).message}`,
			{
				itemIndex,
				description:
					'Check that the URL is reachable from n8n and answers with the file itself (not a web page).',
			},
		);
	}
	const stream = response.body as unknown as {
		[Symbol.asyncIterator](): AsyncIterator<unknown>;
		destroy(): void;
	};
	const headers = (response.headers ?? {}) as IDataObject;
	const fileName = options.fileName || fileNameFromUrl(url);
	const announced = headerValue(headers, 'content-type').split(';')[0].trim();
	if (!options.contentType && !MEDIA_TYPE.test(announced)) stream.destroy();
	const contentType = options.contentType
		? checkContentType(context, itemIndex, options.contentType, 'The Content Type option')
		: checkContentType(context, itemIndex, announced, `The Content-Type of ${url.host}'s answer`);

	const length = Number(headerValue(headers, 'content-length'));
	if (Number.isInteger(length) && length > 0) {
		let opened = false;
		return {
			fileName,
			contentType,
			size: length,
			release: () => {
				if (!opened) stream.destroy();
			},
			open: async () => {
				if (opened)
					throw new NodeOperationError(context.getNode(), 'A download can be read only once', {
						itemIndex,
					});
				opened = true;
				return streamSource(stream, length, `The download of ${url.toString()}`);
			},
		};
	}
	// no size announced: the init call needs one, so the file is read into memory (bounded)
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of stream as AsyncIterable<Buffer>) {
		size += chunk.length;
		if (size > MAX_UNSIZED_DOWNLOAD) {
			stream.destroy();
			throw new NodeOperationError(
				context.getNode(),
				`The download of ${url.toString()} has no Content-Length and is larger than ${MAX_UNSIZED_DOWNLOAD / 1024 / 1024} MiB`,
				{
					itemIndex,
					description:
						'Download it with an HTTP Request node first (n8n stores it as binary data) and upload that, or use a URL whose server sends Content-Length.',
				},
			);
		}
		chunks.push(chunk);
	}
	const buffer = Buffer.concat(chunks);
	return { fileName, contentType, size, open: async () => bufferSource(buffer) };
}

export async function sha256Of(file: FileToUpload): Promise<string> {
	const hash = createHash('sha256');
	const bytes = await file.open();
	try {
		let remaining = file.size;
		while (remaining > 0) {
			const length = Math.min(remaining, 8 * READ_CHUNK);
			const part = await bytes.read(length);
			hash.update(part);
			bytes.release(part);
			remaining -= length;
		}
	} finally {
		await bytes.close();
	}
	return hash.digest('hex');
}

export function refuseEmptyFile(
	context: IExecuteFunctions,
	itemIndex: number,
	file: FileToUpload,
): void {
	if (file.size <= 0) {
		throwInvalidField(
			context.getNode(),
			itemIndex,
			'Input Binary Field',
			`the file "${file.fileName}" is empty (0 bytes): there is nothing to upload`,
		);
	}
}

/**
 * Checks the item without uploading: the options, and the binary file (present, a media type, not
 * empty) or the URL. A URL is downloaded only when the upload runs.
 */
