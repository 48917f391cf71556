import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import { encodePathSegment } from '../../shared/transport';
import type { MassMessage } from '../model/massMessage';
import type { Message } from '../model/message';

/**
 * OFAuth, the first provider: what each validated model becomes in OFAuth's API (method, path,
 * body). Operations take their request from here and never build bodies themselves; another
 * provider is another file with the same functions.
 */
export interface ProviderRequest {
	method: IHttpRequestMethods;
	path: string;
	body?: IDataObject;
}

/** OFAuth's SendBody: `mediaItems` with the first `previewMediaCount` as previews, `isLockedText`, ... */
export function messageBody(message: Message): IDataObject {
	const body: IDataObject = { isMarkdown: message.markdown };
	if (message.text !== '') body.text = message.text;
	if (message.media.length) body.mediaItems = message.media;
	if (message.price !== undefined) {
		body.price = message.price;
		body.previewMediaCount = message.previewCount;
	}
	if (message.lockedText) body.isLockedText = true;
	if (message.replyTo) body.replyToMessageId = message.replyTo;
	if (message.taggedUsers.length) body.userTags = message.taggedUsers;
	const releaseForms = Object.fromEntries(
		Object.entries(message.releaseForms).filter(([, ids]) => ids.length > 0),
	);
	if (Object.keys(releaseForms).length) body.releaseForms = releaseForms;
	if (message.forwarded) body.isForwardedMessage = true;
	return body;
}

export function sendMessage(fanId: string, message: Message): ProviderRequest {
	return {
		method: 'POST',
		path: `/v2/access/chats/${encodePathSegment(fanId)}/messages`,
		body: messageBody(message),
	};
}

function massMessageBody({ message, audience, scheduledAt }: MassMessage): IDataObject {
	const body = messageBody(message);
	if (audience.fanIds.length) body.userIds = audience.fanIds;
	if (audience.lists.length) body.userLists = audience.lists;
	if (audience.excludedLists.length) body.excludeUserLists = audience.excludedLists;
	if (audience.subscribedAfter) body.subscribedAfterDate = audience.subscribedAfter;
	if (scheduledAt) body.scheduledDate = scheduledAt;
	return body;
}

export function createMassMessage(massMessage: MassMessage): ProviderRequest {
	return { method: 'POST', path: '/v2/access/mass-messages', body: massMessageBody(massMessage) };
}

export function updateMassMessage(
	massMessageId: string,
	massMessage: MassMessage,
): ProviderRequest {
	return {
		method: 'PUT',
		path: `/v2/access/mass-messages/${encodePathSegment(massMessageId)}`,
		body: massMessageBody(massMessage),
	};
}

/** Upload Media: does the vault already hold this file (its SHA-256 and size)? */
export function checkDuplicateUpload(sha256: string, size: number): ProviderRequest {
	return { method: 'POST', path: '/v2/access/uploads/check', body: { etag: sha256, size } };
}

/** Upload Media: announce a file; the answer is the upload plan (single PUT or parts). */
export function startUpload(file: {
	fileName: string;
	size: number;
	contentType: string;
}): ProviderRequest {
	return {
		method: 'POST',
		path: '/v2/access/uploads/init',
		body: { filename: file.fileName, size: file.size, contentType: file.contentType },
	};
}

/** Upload Media: all parts are sent; the answer is the vault media. */
export function completeUpload(mediaUploadId: string): ProviderRequest {
	return { method: 'POST', path: '/v2/access/uploads/complete', body: { mediaUploadId } };
}
