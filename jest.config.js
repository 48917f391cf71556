/** @type {import('jest').Config} */
module.exports = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	// their own commands (npm run test:queue, npm run test:compat): other n8n set-ups
	testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/queue/', '<rootDir>/test/compat/'],
	testMatch: ['**/*.test.ts'],
	testTimeout: 60_000,
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
};
