/**
 * npm run test:unit: everything that runs without a build or a real n8n (unit, simulator and n8n-core
 * integration suites), then the suites that check what users enter once more with zod 4 in place of
 * zod 3: inside n8n the node imports whichever zod that n8n ships, and its error texts must not depend
 * on which major that is.
 */
const { testTimeout, ...base } = require('./jest.config');

const withoutRealN8n = {
	...base,
	roots: ['<rootDir>/test/unit', '<rootDir>/test/simulator-tests', '<rootDir>/test/integration'],
};

module.exports = {
	projects: [
		{ ...withoutRealN8n, displayName: 'zod 3' },
		{
			...withoutRealN8n,
			displayName: 'zod 4',
			testMatch: ['**/validation.test.ts', '**/messageModel.test.ts'],
			resolver: '<rootDir>/test/harness/zodMajorResolver.js',
		},
	],
	testTimeout,
};
