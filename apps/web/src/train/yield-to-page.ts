/**
 * Resolves on the next task, letting the page handle input and paint. A message on a
 * MessageChannel is not clamped to 4 ms as nested `setTimeout` is, nor throttled the same way
 * in a background tab.
 */
export function yieldToPage(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
