/** Selecting this lets every event through, also event types the service adds later. */
export const ANY_EVENT = '*';

export function isEventSelected(selected: string[], type: string): boolean {
	return selected.includes(ANY_EVENT) || selected.includes(type);
}
