import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ApiResponse } from '../../transport';
import { headerValue } from '../../transport/headers';
import { providerOf } from '../../transport';

/** How OFAuth wants a file sent, from the answer to POST /uploads/init (JSON body, or the older x-ofauth-upload-* headers). */

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
	response: Omit<ApiResponse<IDataObject>, 'data'>,
	size: number,
	itemIndex: number,
): UploadPlan {
	const { body, headers } = response;
	const mediaUploadId = typeof body.mediaUploadId === 'string' ? body.mediaUploadId : '';
	const invalid = (problem: string) =>
		new NodeOperationError(
			context.getNode(),
			`${providerOf(context).label} returned an upload plan this node cannot follow: ${problem}`,
			{
				itemIndex,
				description: `Nothing was uploaded. Run the node again; if it keeps happening, report it to ${providerOf(context).label} support with the answer that started the upload.`,
			},
		);
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
	if (
		listed.length &&
		listed.every((part) => part.byteRange && typeof part.byteRange === 'object')
	) {
		source = 'body';
		parts = listed
			.map((part, index) => {
				const range = part.byteRange as IDataObject;
				const start = Number(range.start);
				const end = Number(range.end);
				return {
					partNumber: positiveInt(part.partNumber) ?? index + 1,
					start,
					length: end - start + 1,
				};
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
		if (part.start !== expectedStart)
			throw invalid(`part ${part.partNumber} does not start at byte ${expectedStart}`);
		expectedStart += part.length;
	}
	if (expectedStart !== size)
		throw invalid(`the parts cover ${expectedStart} bytes but the file has ${size}`);

	const declared = bodyType ?? headerType;
	const uploadType: UploadPlan['uploadType'] =
		declared === 'single' || declared === 'multipart'
			? declared
			: parts.length > 1
				? 'multipart'
				: 'single';
	if (uploadType === 'single' && parts.length > 1)
		throw invalid('a single upload with several parts');
	return { mediaUploadId, uploadType, parts, source };
}

/** Adds which part failed (and how far the upload got) to a failure, keeping its status and hint. */
