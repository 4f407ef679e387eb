import type { GPGPUProgram } from '@tensorflow/tfjs-backend-webgl';

/** A WebGL uniform of type float, set per run (so one compiled shader serves every step). */
type FloatUniform = { name: string; type: 'float' };

/**
 * A packed WebGL program computing one output element-wise from inputs of the output's shape:
 * `body` reads `vec4 <name>` for each input (the 2 × 2 block of values at the output texel) and
 * the float uniforms, and assigns `vec4 result`. Packed like tfjs's own element-wise programs, so
 * neither inputs nor output need repacking between them.
 */
export class ElementwiseProgram implements GPGPUProgram {
  readonly variableNames: string[];
  readonly outputShape: number[];
  readonly userCode: string;
  readonly packedInputs = true;
  readonly packedOutput = true;
  readonly customUniforms: FloatUniform[];

  constructor(outputShape: readonly number[], inputs: readonly string[], uniforms: readonly string[], body: string) {
    this.outputShape = [...outputShape];
    this.variableNames = inputs.map(capitalize);
    this.customUniforms = uniforms.map((name) => ({ name, type: 'float' }));
    const reads = inputs.map((name) => `vec4 ${name} = get${capitalize(name)}AtOutCoords();`).join('\n');
    this.userCode = `
      void main() {
        ${reads}
        vec4 result;
        ${body}
        setOutput(result);
      }
    `;
  }
}

// tfjs names a sampler after the variable: `getGradAtOutCoords` for `Grad`.
function capitalize(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}
