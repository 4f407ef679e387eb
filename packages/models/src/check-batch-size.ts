/** Validates a batch size, naming the option. */
export function checkBatchSize(batchSize: number, where: string): number {
  if (!Number.isInteger(batchSize) || batchSize <= 0) {
    throw new Error(`${where}: batchSize must be a positive integer, got ${batchSize}`);
  }
  return batchSize;
}
