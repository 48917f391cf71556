import { MASS_MESSAGE_LABELS } from '../model/massMessage';
import { MESSAGE_LABELS } from '../model/message';

/**
 * A send or mass message body's fields -> the labels of the node fields they come from, so that a
 * 400/422 naming `mediaFiles.0` says "Media (entry 1)". Each provider names three of them its own way.
 */
export function bodyFieldLabels(names: {
	media: string;
	previews: string;
	excludedLists: string;
}): Record<string, string> {
	return {
		text: MESSAGE_LABELS.text,
		[names.media]: MESSAGE_LABELS.media,
		[names.previews]: MESSAGE_LABELS.previewMediaCount,
		price: MESSAGE_LABELS.price,
		replyToMessageId: MESSAGE_LABELS.replyToMessageId,
		userIds: MASS_MESSAGE_LABELS.userIds,
		userLists: MASS_MESSAGE_LABELS.userLists,
		[names.excludedLists]: MASS_MESSAGE_LABELS.excludeUserLists,
		scheduledDate: MASS_MESSAGE_LABELS.scheduledDate,
	};
}
