import { randomBytes } from 'node:crypto';

import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { apiData } from '../../transport';
import { throwInvalidField } from '../../model/validate';
import type { OneRequestUpload } from '../../service';
import { ProviderLimit } from '../../service';
import type { Send } from '../types';
import type { FileOptions, FileToUpload } from './fileSources';
import { checkUrlSource, fileFromBinary, refuseEmptyFile } from './fileSources';

/**
 * Providers that take a file in one multipart request (OnlyFansAPI.com: POST /media/upload with
 * `file`, or `file_url` so the provider downloads it itself). The answer's single-use ID goes into
 * the Media of Send Message, Send PPV or a mass message.
 */

/** Refuses, before anything is sent, a file larger than the provider takes in one request. */
export function refuseOversizedFile(
	context: IExecuteFunctions,
	itemIndex: number,
	file: FileToUpload,
	upload: OneRequestUpload,
): void {
	if (file.size > upload.maxBytes) {
		throwInvalidField(
			context.getNode(),
			itemIndex,
			'Input Binary Field',
			`the file "${file.fileName}" has ${file.size} bytes, but ${upload.label} takes at most ${upload.maxBytes / 1_000_000} MB in one upload: send a smaller file, or a URL (Source: URL) that ${upload.label} downloads itself`,
		);
	}
}

function field(boundary: string, name: string, value: string): Buffer {
	return Buffer.from(
		`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
	);
}

/** The multipart body: the file's bytes (read once, at most maxBytes) or the URL to fetch. */
async function multipartBody(
	boundary: string,
	source: { file?: FileToUpload; url?: URL },
): Promise<Buffer> {
	const parts: Buffer[] = [];
	if (source.url) parts.push(field(boundary, 'file_url', source.url.toString()));
	if (source.file) {
		const { file } = source;
		const safeName = file.fileName.replace(/["\r\n]/g, '_');
		parts.push(
			Buffer.from(
				`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${safeName}"\r\nContent-Type: ${file.contentType}\r\n\r\n`,
			),
		);
		const bytes = await file.open();
		try {
			parts.push(await bytes.read(file.size), Buffer.from('\r\n'));
		} finally {
			await bytes.close();
		}
	}
	parts.push(Buffer.from(`--${boundary}--\r\n`));
	return Buffer.concat(parts);
}

/** Sends the file (or its URL) in one request and describes the result like the OFAuth upload does. */
export async function uploadInOneRequest(
	context: IExecuteFunctions,
	itemIndex: number,
	upload: OneRequestUpload,
	source: { file?: FileToUpload; url?: URL },
): Promise<IDataObject> {
	const boundary = `n8nOfAuthMessaging${randomBytes(12).toString('hex')}`;
	const body = await multipartBody(boundary, source);
	const answer = await apiData<IDataObject>(context, {
		method: 'POST',
		path: upload.path,
		body,
		contentType: `multipart/form-data; boundary=${boundary}`,
		itemIndex,
		// 2 minutes plus 1 s per 256 KiB, as for OFAuth's part uploads
		timeoutMs: 120_000 + Math.ceil(body.length / 262_144) * 1000,
	});
	return {
		mediaUploadId: String(answer.prefixed_id ?? answer.id ?? ''),
		mediaId: null,
		duplicate: false,
		fileName:
			source.file?.fileName ??
			String(answer.file_name ?? source.url?.pathname.split('/').pop() ?? ''),
		contentType: source.file?.contentType ?? null,
		size: source.file?.size ?? null,
		parts: 1,
		uploadType: 'single-request',
		ready: null,
		upload: answer,
	};
}

/** The Upload Media options this path reads. */
export interface UploadOptions extends FileOptions {
	checkDuplicate?: boolean;
	waitUntilReady?: boolean;
	includeBinary?: boolean;
}

/** A provider that takes the file (or a URL it fetches itself) in one request: no duplicate check or readiness wait there. */
export async function prepareOneRequestUpload(
	context: IExecuteFunctions,
	itemIndex: number,
	upload: OneRequestUpload,
	{
		source,
		options,
		optionLabels,
	}: { source: string; options: UploadOptions; optionLabels: Record<string, string> },
): Promise<Send> {
	for (const [option, on] of [
		['checkDuplicate', options.checkDuplicate],
		['waitUntilReady', options.waitUntilReady],
	] as const) {
		if (on)
			throw new ProviderLimit(
				optionLabels[option],
				`has no ${upload.label} equivalent: turn it off`,
			);
	}
	const output = (json: IDataObject, file?: FileToUpload): INodeExecutionData[] => [
		{ json, ...(options.includeBinary && file?.binary ? { binary: file.binary } : {}) },
	];
	if (source === 'url') {
		const url = checkUrlSource(context, itemIndex, options);
		return async () => output(await uploadInOneRequest(context, itemIndex, upload, { url }));
	}
	const file = await fileFromBinary(context, itemIndex, options);
	refuseEmptyFile(context, itemIndex, file);
	refuseOversizedFile(context, itemIndex, file, upload);
	return async () => output(await uploadInOneRequest(context, itemIndex, upload, { file }), file);
}
