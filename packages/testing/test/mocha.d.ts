// The few Mocha globals these tests use (web-test-runner provides Mocha; @types/mocha is not
// installed). Only for `tsc -p packages/testing/test`.
type MochaCallback = (this: unknown) => void | Promise<unknown>;
declare function describe(title: string, body: () => void): void;
declare function it(title: string, body: MochaCallback): void;
declare function beforeEach(body: MochaCallback): void;
declare function afterEach(body: MochaCallback): void;
