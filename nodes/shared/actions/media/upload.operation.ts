import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { z } from 'zod';
import { typeMessages } from '../../model/zodMessages';

import { apiData, apiRequest } from '../../transport';
import { labelsOf, parseFields } from '../../model/validate';
import { adapterOf } from '../../service';
import {
	SIMPLIFIED_UPLOAD,
	readSimplify,
	simplifiedUpload,
	simplifyFields,
} from '../../model/simplified';
import { prepareOneRequestUpload } from './oneRequestUpload';
import type { Send } from '../types';
import type { FileToUpload } from './fileSources';
import {
	checkUrlSource,
	fileFromBinary,
	fileFromUrl,
	refuseEmptyFile,
	sha256Of,
} from './fileSources';
import type { SentUpload } from './uploadFlow';
import { sendPlannedUpload, waitUntilReady } from './uploadFlow';
import { readUploadPlan } from './uploadPlan';
import { connectionField } from '../../connection';

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
				description:
					'A file in the input item (from HTTP Request, Google Drive, a form, Read File...)',
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
		description:
			'The name of the binary property of the input item that holds the photo, video or audio file',
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
	...simplifyFields(SIMPLIFIED_UPLOAD),
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
					'Whether to ask %service% first whether the vault already has this file (same SHA-256 and size). If it does, nothing is uploaded and the existing media is returned; Media Upload ID then holds its vault media ID, which the message operations accept the same way.',
			},
			{
				displayName: 'Content Type',
				name: 'contentType',
				type: 'string',
				default: '',
				placeholder: 'image/jpeg',
				description:
					'MIME type sent to %service% (image/..., video/... or audio/...). Empty: the type of the binary data or of the download.',
			},
			{
				displayName: 'File Name',
				name: 'fileName',
				type: 'string',
				default: '',
				placeholder: 'photo.jpg',
				description:
					'Name stored with the media. Empty: the name of the binary data or the last part of the URL.',
			},
			{
				displayName: 'Include Binary',
				name: 'includeBinary',
				type: 'boolean',
				default: false,
				description:
					"Whether to pass the input item's binary data on to the output (off: the output holds only the upload result)",
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
				description:
					'With Wait Until Ready: give up (with an error) when the media is still not ready after this long',
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
		.regex(
			/^(image|video|audio)\/[\w.+-]+$/i,
			'must be a photo, video or audio MIME type, e.g. image/jpeg or video/mp4',
		)
		.optional()
		.or(z.literal('')),
	checkDuplicate: z.boolean().default(false),
	includeBinary: z.boolean().default(false),
	waitUntilReady: z.boolean().default(false),
	waitTimeoutSeconds: z
		.number(typeMessages({ invalidType: 'must be a number of seconds' }))
		.positive('must be more than 0 seconds')
		.default(300),
	pollIntervalSeconds: z
		.number(typeMessages({ invalidType: 'must be a number of seconds' }))
		.min(0, 'cannot be negative')
		.default(5),
});

/** Option name -> label, from the Options collection above (labels are written once). */
const optionLabels = labelsOf(description.filter((field) => field.name === 'options'));

export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<Send> {
	const send = await prepareUpload(this, itemIndex);
	if (!readSimplify(this, itemIndex)) return send;
	return async () => (await send()).map((out) => ({ ...out, json: simplifiedUpload(out.json) }));
}

async function prepareUpload(context: IExecuteFunctions, itemIndex: number): Promise<Send> {
	const source = context.getNodeParameter('source', itemIndex, 'binary') as string;
	const options = parseFields(
		optionsSchema,
		context.getNodeParameter('options', itemIndex, {}),
		context.getNode(),
		itemIndex,
		optionLabels,
	);
	const oneRequest = adapterOf(context).oneRequestUpload;
	if (oneRequest)
		return prepareOneRequestUpload(context, itemIndex, oneRequest, {
			source,
			options,
			optionLabels,
		});
	if (source === 'url') {
		const url = checkUrlSource(context, itemIndex, options);
		return async () => {
			const file = await fileFromUrl(context, itemIndex, options, url);
			refuseEmptyFile(context, itemIndex, file);
			return await upload(context, itemIndex, options, source, file);
		};
	}
	const file = await fileFromBinary(context, itemIndex, options);
	refuseEmptyFile(context, itemIndex, file);
	return async () => await upload(context, itemIndex, options, source, file);
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
			const check = await apiData<IDataObject>(context, {
				...adapterOf(context).checkDuplicateUpload(await sha256Of(file), file.size),
				itemIndex,
			});
			const existing =
				check.media && typeof check.media === 'object' ? (check.media as IDataObject) : undefined;
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

		const init = await apiRequest<IDataObject>(context, {
			...adapterOf(context).startUpload(file),
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
				{
					timeoutSeconds: options.waitTimeoutSeconds,
					intervalSeconds: options.pollIntervalSeconds,
				},
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
