// Registers tfjs-core's gradient functions for tests that differentiate (tf.grad, tf.variableGrads):
// the CommonJS tfjs-core that Node loads registers none; @lab/core ships them as one ES module.
import '@lab/core/register-gradients';
