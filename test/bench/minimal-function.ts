// The yardstick of cold init: a handler that answers 200 and imports nothing, bundled with the same options as the
// deployed functions in the same esbuild run, so that a function's cold init divided by this one's is what the
// function's own code costs, whatever the machine and the node start-up.
export const handler = async () => ({ statusCode: 200 });
