// The public surface of @lab/core: kernel contracts and what every lab package shares. No ML
// logic; browser- and Node-safe. Gradients: `import '@lab/core/register-gradients'`.
export {
  any,
  array,
  boolean,
  checkOptions,
  checkValue,
  closest,
  type Constraint,
  type Constraints,
  describe as describeConstraint,
  func,
  instance,
  integer,
  number,
  object,
  oneOf,
  type Range,
  satisfies,
  show,
  string,
  unknownOption,
} from './constraints.js';
export { type HostWriter, hostTensor, registerHostWriter } from './host-tensor.js';
export {
  callKernel,
  defineKernel,
  hasKernel,
  type KernelCall,
  type KernelContract,
  type KernelInputs,
  kernelContract,
  runKernel,
  type TensorsOf,
} from './kernel-contract.js';
export * from './kernels/index.js';
export { Random } from './random.js';
