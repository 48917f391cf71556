/** Helpers shared by message-like routes: resolving mediaItems and shaping output. */
import { badRequest, type SimCore } from '../core';
import { makeMedia, userRef } from '../seed';
import { DIGITS_RE, isHttpUrl } from '../schemas';
import type { MassMessage, Media, Message, UploadRecord } from '../types';

export function publicMedia(m: Media): Record<string, unknown> {
	// eslint-disable-next-line @typescript-eslint/no-unused-vars
	const { polls, readyAfterPolls, source, ...rest } = m;
	return rest;
}

export function publicMessage(m: Message): Record<string, unknown> {
	return { ...m, media: m.media.map(publicMedia) };
}

export function typeFromContentType(ct: string, filename = ''): Media['type'] {
	const c = ct.toLowerCase();
	if (c === 'image/gif' || /\.gif$/i.test(filename)) return 'gif';
	if (c.startsWith('video/') || /\.(mp4|mov|webm|m4v)$/i.test(filename)) return 'video';
	if (c.startsWith('audio/') || /\.(mp3|wav|m4a|ogg)$/i.test(filename)) return 'audio';
	return 'photo';
}

export interface ResolvedMedia {
	media: Media[];
	/** marks upload references as used; call only once the message is stored */
	commit(): void;
}

/**
 * Turns mediaItems (vault ids, upload references, URLs) into media objects.
 * Unknown vault ids, unknown/unfinished/used upload references -> 400 with details.
 */
export function resolveMediaItems(
	core: SimCore,
	items: (number | string)[] | undefined,
	field = 'mediaItems',
): ResolvedMedia {
	const media: Media[] = [];
	const uploads: UploadRecord[] = [];
	const urls: { index: number; url: string }[] = [];
	const details: { path: string; message: string; code: string }[] = [];
	(items ?? []).forEach((item, index) => {
		const path = `${field}.${index}`;
		if (typeof item === 'number' || DIGITS_RE.test(item)) {
			const m = core.media(Number(item));
			if (!m)
				details.push({ path, message: `Unknown vault media id ${item}`, code: 'unknown_media' });
			else media.push(m);
			return;
		}
		if (isHttpUrl(item)) {
			urls.push({ index: media.length, url: item });
			media.push(null as unknown as Media); // placeholder, filled on commit
			return;
		}
		const up = core.state.uploads.find((u) => u.mediaUploadId === item);
		if (!up)
			details.push({ path, message: `Unknown upload reference ${item}`, code: 'unknown_upload' });
		else if (up.status === 'consumed')
			details.push({
				path,
				message: `Upload reference ${item} was already used`,
				code: 'upload_used',
			});
		else if (up.status !== 'completed' || up.mediaId === null)
			details.push({ path, message: `Upload ${item} is not complete`, code: 'upload_incomplete' });
		else if (uploads.includes(up))
			details.push({
				path,
				message: `Upload reference ${item} is used twice`,
				code: 'upload_used',
			});
		else {
			uploads.push(up);
			media.push(core.media(up.mediaId)!);
		}
	});
	if (details.length) throw badRequest(details.map((d) => d.message).join('; '), details);
	let committed = false;
	return {
		media,
		commit() {
			if (committed) return;
			committed = true;
			for (const u of uploads) u.status = 'consumed';
			for (const { index, url } of urls) {
				const id = core.state.nextIds.media++;
				const filename = decodeURIComponent(new URL(url).pathname.split('/').pop() || 'remote');
				const m = makeMedia(id, typeFromContentType('', filename), core.nowIso(), {
					filename,
					source: 'url',
				});
				core.state.vaultMedia.push(m);
				media[index] = m;
			}
		},
	};
}

export { userRef };

/** A mass message's place in the queue, as a queue listing gives it (no text, price or media). */
export function queueStatus(m: MassMessage): Record<string, unknown> {
	return {
		id: m.id,
		date: m.date,
		isReady: m.isReady,
		isDone: m.isDone,
		total: m.total,
		pending: m.pending,
		canUnsend: m.canUnsend,
		hasError: m.hasError,
		isCanceled: m.isCanceled,
	};
}
