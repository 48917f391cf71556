import { createHash } from 'node:crypto';

import type {
	IBinaryData,
	IDataObject,
	IExecuteFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { z } from 'zod';

import { ofauthApi, ofauthRequest } from '../../../shared/transport';
import { headerValue } from '../../../shared/transport/headers';
import { parseFields, throwInvalidField } from '../../model/validate';
import type { Send } from '../types';
import type { PartSource, SentUpload } from './uploadFlow';
import { bufferSource, readUploadPlan, sendPlannedUpload, streamSource, waitUntilReady } from './uploadFlow';
import { connectionField } from '../../../shared/connection';

/** Bytes read from disk or the network at a time; a part is assembled from these. */
const READ_CHUNK = 64 * 1024;
/** A download without Content-Length has to be read whole before the upload can start. */
const MAX_UNSIZED_DOWNLOAD = 100 * 1024 * 1024;

export const description: INodeProperties[] = [
	connectionField,
	{
		displayName: 'Source',
		name: 'source',
		type: 'options',
		options: [
			{
				name: 'Binary File',
				value: 'binary',
				description: 'A file in the input item (from HTTP Request, Google Drive, a form, Read File...)',
			},
			{
				name: 'URL',
				value: 'url',
				description: 'Download a file from an http(s) URL and store a copy in the vault',
			},
		],
		default: 'binary',
	},
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		placeholder: 'data',
		displayOptions: { show: { source: ['binary'] } },
		description: 'The name of the binary property of the input item that holds the photo, video or audio file',
		hint: 'The file is sent part by part; on self-hosted n8n with binary data on disk it is never loaded whole into memory. To send a file that is already online without a vault copy, put its http(s) URL straight into the Media list of Send Message or Send PPV.',
	},
	{
		displayName: 'URL',
		name: 'url',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'https://example.com/photo.jpg',
		displayOptions: { show: { source: ['url'] } },
		description: 'The http(s) address of the file; it is streamed into the vault',
		hint: 'Only needed for a vault copy: Send Message and Send PPV also accept http(s) URLs directly in their Media list.',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Check Duplicate',
				name: 'checkDuplicate',
				type: 'boolean',
				default: false,
				displayOptions: { show: { '/source': ['binary'] } },
				description:
					'Whether to ask OFAuth first whether the vault already has this file (same SHA-256 and size). If it does, nothing is uploaded and the existing media is returned; Media Upload ID then holds its vault media ID, which the message operations accept the same way.',
			},
			{
				displayName: 'Content Type',
				name: 'contentType',
				type: 'string',
				default: '',
				placeholder: 'image/jpeg',
				description:
					'MIME type sent to OFAuth (image/..., video/... or audio/...). Empty: the type of the binary data or of the download.',
			},
			{
				displayName: 'File Name',
				name: 'fileName',
				type: 'string',
				default: '',
				placeholder: 'photo.jpg',
				description: 'Name stored with the media. Empty: the name of the binary data or the last part of the URL.',
			},
			{
				displayName: 'Include Binary',
				name: 'includeBinary',
				type: 'boolean',
				default: false,
				description: 'Whether to pass the input item\'s binary data on to the output (off: the output holds only the upload result)',
			},
			{
				displayName: 'Poll Interval (Seconds)',
				name: 'pollIntervalSeconds',
				type: 'number',
				typeOptions: { minValue: 0, numberPrecision: 2 },
				default: 5,
				description: 'With Wait Until Ready: how long to wait between two checks of the vault',
			},
			{
				displayName: 'Wait Timeout (Seconds)',
				name: 'waitTimeoutSeconds',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 300,
				description: 'With Wait Until Ready: give up (with an error) when the media is still not ready after this long',
			},
			{
				displayName: 'Wait Until Ready',
				name: 'waitUntilReady',
				type: 'boolean',
				default: false,
				description:
					'Whether to wait until OnlyFans has processed the media (isReady) before going on, so the next node can send it at once',
			},
		],
	},
];

const optionsSchema = z.object({
	fileName: z
		.string()
		.trim()
		.max(255, 'is longer than 255 characters')
		.refine((value) => !/[\\/]/.test(value), 'must be a file name without folders, e.g. photo.jpg')
		.optional(),
	contentType: z
		.string()
		.trim()
		.regex(/^(image|video|audio)\/[\w.+-]+$/i, 'must be a photo, video or audio MIME type, e.g. image/jpeg or video/mp4')
		.optional()
		.or(z.literal('')),
	checkDuplicate: z.boolean().default(false),
	includeBinary: z.boolean().default(false),
	waitUntilReady: z.boolean().default(false),
	waitTimeoutSeconds: z.number({ invalid_type_error: 'must be a number of seconds' }).positive('must be more than 0 seconds').default(300),
	pollIntervalSeconds: z.number({ invalid_type_error: 'must be a number of seconds' }).min(0, 'cannot be negative').default(5),
});

const optionLabels = {
	fileName: 'File Name',
	contentType: 'Content Type',
	waitTimeoutSeconds: 'Wait Timeout (Seconds)',
	pollIntervalSeconds: 'Poll Interval (Seconds)',
};

const MEDIA_TYPE = /^(image|video|audio)\/[\w.+-]+$/i;

interface FileToUpload {
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

function checkContentType(context: IExecuteFunctions, itemIndex: number, contentType: string, from: string): string {
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

async function fileFromBinary(
	context: IExecuteFunctions,
	itemIndex: number,
	options: z.infer<typeof optionsSchema>,
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
		: checkContentType(context, itemIndex, binary.mimeType ?? '', `The MIME type of binary property "${property}"`);

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
				streamSource(await context.helpers.getBinaryStream(binaryId, READ_CHUNK), size, `The binary file "${fileName}"`),
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
function checkUrlSource(context: IExecuteFunctions, itemIndex: number, options: z.infer<typeof optionsSchema>): URL {
	const address = String(context.getNodeParameter('url', itemIndex, '')).trim();
	let url: URL | undefined;
	try {
		url = new URL(address);
	} catch {
		url = undefined;
	}
	if (!url || !/^https?:$/.test(url.protocol)) {
		throwInvalidField(context.getNode(), itemIndex, 'URL', `"${address}" is not an http(s) URL, e.g. https://example.com/photo.jpg`);
	}
	if (options.contentType) checkContentType(context, itemIndex, options.contentType, 'The Content Type option');
	return url;
}

async function fileFromUrl(
	context: IExecuteFunctions,
	itemIndex: number,
	options: z.infer<typeof optionsSchema>,
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
		throw new NodeOperationError(context.getNode(), `Could not download ${url.toString()}: ${(error as Error).message}`, {
			itemIndex,
			description: 'Check that the URL is reachable from n8n and answers with the file itself (not a web page).',
		});
	}
	const stream = response.body as unknown as { [Symbol.asyncIterator](): AsyncIterator<unknown>; destroy(): void };
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
				if (opened) throw new NodeOperationError(context.getNode(), 'A download can be read only once', { itemIndex });
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

async function sha256Of(file: FileToUpload): Promise<string> {
	const hash = createHash('sha256');
	const bytes = await file.open();
	try {
		let remaining = file.size;
		while (remaining > 0) {
			const length = Math.min(remaining, 8 * READ_CHUNK);
			hash.update(await bytes.read(length));
			remaining -= length;
		}
	} finally {
		await bytes.close();
	}
	return hash.digest('hex');
}

function refuseEmptyFile(context: IExecuteFunctions, itemIndex: number, file: FileToUpload): void {
	if (file.size <= 0) {
		throwInvalidField(context.getNode(), itemIndex, 'Input Binary Field', `the file "${file.fileName}" is empty (0 bytes): there is nothing to upload`);
	}
}

/**
 * Checks the item without uploading: the options, and the binary file (present, a media type, not
 * empty) or the URL. A URL is downloaded only when the upload runs.
 */
export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<Send> {
	const source = this.getNodeParameter('source', itemIndex, 'binary') as string;
	const options = parseFields(optionsSchema, this.getNodeParameter('options', itemIndex, {}), this.getNode(), itemIndex, optionLabels);
	if (source === 'url') {
		const url = checkUrlSource(this, itemIndex, options);
		return async () => {
			const file = await fileFromUrl(this, itemIndex, options, url);
			refuseEmptyFile(this, itemIndex, file);
			return await upload(this, itemIndex, options, source, file);
		};
	}
	const file = await fileFromBinary(this, itemIndex, options);
	refuseEmptyFile(this, itemIndex, file);
	return async () => await upload(this, itemIndex, options, source, file);
}

async function upload(
	context: IExecuteFunctions,
	itemIndex: number,
	options: z.infer<typeof optionsSchema>,
	source: string,
	file: FileToUpload,
): Promise<INodeExecutionData[]> {
	const passThrough = options.includeBinary && file.binary ? { binary: file.binary } : {};
	const summary = { fileName: file.fileName, contentType: file.contentType, size: file.size };

	let sent: SentUpload;
	try {
		if (options.checkDuplicate && source !== 'url') {
			const check = await ofauthApi<IDataObject>(context, {
				method: 'POST',
				path: '/v2/access/uploads/check',
				body: { etag: await sha256Of(file), size: file.size },
				itemIndex,
			});
			const existing = check.media && typeof check.media === 'object' ? (check.media as IDataObject) : undefined;
			if (check.exists === true && existing?.id !== undefined) {
				return [
					{
						json: {
							mediaUploadId: String(existing.id),
							mediaId: existing.id,
							duplicate: true,
							...summary,
							parts: 0,
							uploadType: 'existing',
							ready: existing.isReady ?? null,
							media: existing,
						},
						...passThrough,
					},
				];
			}
		}

		const init = await ofauthRequest<IDataObject>(context, {
			method: 'POST',
			path: '/v2/access/uploads/init',
			body: { filename: file.fileName, size: file.size, contentType: file.contentType },
			itemIndex,
		});
		const plan = readUploadPlan(context, init, file.size, itemIndex);
		const bytes = await file.open();
		try {
			sent = await sendPlannedUpload(context, plan, bytes, file.contentType, itemIndex);
		} finally {
			await bytes.close();
		}
	} finally {
		file.release?.();
	}

	let media = sent.media;
	if (options.waitUntilReady && media?.id !== undefined) {
		media = (
			await waitUntilReady(
				context,
				media,
				{ timeoutSeconds: options.waitTimeoutSeconds, intervalSeconds: options.pollIntervalSeconds },
				itemIndex,
			)
		).media;
	}
	return [
		{
			json: {
				mediaUploadId: sent.mediaUploadId,
				mediaId: media?.id ?? null,
				duplicate: false,
				...summary,
				parts: sent.parts,
				uploadType: sent.uploadType,
				ready: typeof media?.isReady === 'boolean' ? media.isReady : null,
				...(media ? { media } : {}),
			},
			...passThrough,
		},
	];
}
