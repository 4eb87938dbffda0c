/** Tests that run inside the agent's OSGi framework (the product bndrun plus this test bundle). */
package org.mrpilot.it.osgi;
