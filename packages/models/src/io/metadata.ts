/** What lab keeps beside a model so that a loaded model predicts from raw inputs. */
export interface ModelMetadata {
  /** Class names in output order (e.g. `['0', ..., '9']`). */
  labels?: string[];
  /** The preprocessing applied to raw inputs, in a JSON form its package can rebuild. */
  preprocessing?: unknown;
  [key: string]: unknown;
}
