/** ONNX model hosting: model cards, tensors and the inference service. */
@Export
@Version("0.1.0")
package org.mrpilot.api.inference;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
