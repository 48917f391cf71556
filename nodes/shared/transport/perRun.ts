/**
 * Values read once per node run (its context object) and reused by every request of that run:
 * n8n resolves a parameter afresh (expressions included), and decrypts a credential, on each
 * read, which a Return All of 500 pages or a send to 10,000 items would otherwise pay on every
 * request. A promise that fails is forgotten, so the next request reads again.
 */
const valuesByRun = new WeakMap<object, Map<string, unknown>>();

export function oncePerRun<T>(context: object, key: string, read: () => T): T {
	let values = valuesByRun.get(context);
	if (!values) valuesByRun.set(context, (values = new Map()));
	if (values.has(key)) return values.get(key) as T;
	const value = read();
	values.set(key, value);
	if (value instanceof Promise) {
		value.catch(() => {
			if (values?.get(key) === value) values.delete(key);
		});
	}
	return value;
}

/** The operation a node run performs as the user knows it ("List Chats"), for errors that name it. */
export function nameOperation(context: object, name: string): void {
	oncePerRun(context, 'operationName', () => name);
}

export function operationNameOf(context: object): string | undefined {
	return valuesByRun.get(context)?.get('operationName') as string | undefined;
}

/** Accounts (by pacing key) that asked this run to wait longer than it may: until when. */
export function longWaitsOf(context: object): Map<string, number> {
	return oncePerRun(context, 'longWaits', () => new Map<string, number>());
}
